// Package layout finds and parses the templates of a site: the theme's
// layouts/ with the site's own layouts/ overriding it file by file, base
// templates with blocks, partials, and the theme's i18n strings.
//
// Templates are html/template, so everything a page shows is escaped for its
// context unless a template explicitly says otherwise. Each template is
// named by its path from the site root, so a parse or execution error names
// the file and the line an author must open.
package layout
