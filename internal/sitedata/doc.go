// Package sitedata reads the site's data/ folder — structured data for
// templates (branches, ledger rules, contacts) written as TOML, JSON or
// YAML — into the tree templates see as .Site.Data: data/branches.toml is
// .Site.Data.branches, data/org/units.yaml is .Site.Data.org.units.
//
// It owns the rules for those files: which names are read, the size and
// value budgets (the same as for front matter, so an alias bomb in a data
// file is refused as it is in a page), problems at file:line:col, and the
// version of the tree (Tree.Hash) that a session's dependency records
// compare, so that an edit to a data file renders again exactly the files
// whose templates read .Site.Data.
package sitedata
