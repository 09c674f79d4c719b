package render

import (
	"html/template"
	"os"
	"reflect"
	"strings"
	"testing"
	"text/template/parse"
	"time"

	"github.com/pubgen/pubgen/internal/layout"
	"github.com/pubgen/pubgen/internal/site"
)

// TestThemeWithinModel: the default theme reads nothing past what the
// fingerprints cover, for every file kind it renders, so its files keep
// their narrow dependencies (a body edit renders one page).
func TestThemeWithinModel(t *testing.T) {
	l, err := layout.Load(os.DirFS("../.."), "default", "zh-CN", Funcs(time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string][]string{
		"page": {"_default/single.html"}, "section": {"_default/list.html", "showcase/list.html"}, "home": {"index.html"},
		"taxonomy": {"_default/taxonomy.html", "branches/taxonomy.html"}, "term": {"_default/term.html", "branches/term.html"},
		"alias": {"alias.html"}, "search": {"search.html"}, "stats": {"stats.html"}, "catalogue": {"catalogue.html"}, "404": {"404.html"},
	}
	for kind, names := range kinds {
		for _, name := range names {
			if _, ok := l.Lookup(name); !ok {
				t.Errorf("the theme has no %s", name)
				continue
			}
			if why := beyondModel(func(n string) *parse.Tree { return l.Tree(name, n) }, l.Entry(name), kind); why != "" {
				t.Errorf("%s (%s files) reads past the model: %s", name, kind, why)
			}
		}
	}
}

// TestBeyondModel: one line per layout a site might write; want is the
// read that makes it depend on the whole site, "" for one within the model.
func TestBeyondModel(t *testing.T) {
	for _, c := range []struct{ kind, text, want string }{
		{"page", `{{ .Page.Title }}{{ .Page.Content }}{{ with .Page.Prev }}{{ .Title }}{{ end }}`, ""},
		{"page", `{{ $p := .Page }}{{ $p.Content }}{{ range $p.Related }}{{ .Page.Title }}{{ end }}`, ""},
		{"page", `{{ with .Page.Parent }}{{ .Index.Title }}{{ .URL }}{{ end }}`, ""},
		{"page", `{{ range .Page.Parent.Pages }}{{ .Title }}{{ end }}`, ".Pages of the page's section"},
		{"page", `{{ with .Page.Next }}{{ .Content }}{{ end }}`, ".Content of a listed page"},
		{"page", `{{ with .Page.Next }}{{ .Page.Body }}{{ end }}`, ".Body of a listed page"},
		{"page", `{{ with .Page.Next }}{{ .Next.Title }}{{ end }}`, ".Next of a listed page"},
		{"section", `{{ range .Pager.Pages }}{{ .Title }}{{ .Page.Summary }}{{ end }}`, ""},
		{"section", `{{ range .Pager.Pages }}{{ .PlainText }}{{ end }}`, ".PlainText of a listed page"},
		{"section", `{{ range $i, $n := .Pager.Pages }}{{ $n.TOC }}{{ end }}`, ".TOC of a listed page"},
		{"section", `{{ range .Pager.Pages }}{{ template "x" $.With . }}{{ end }}{{ define "x" }}{{ .Item.Content }}{{ end }}`, ".Content of a listed page"},
		{"section", `{{ range .Pager.Pages }}{{ template "x" $.With . }}{{ end }}{{ define "x" }}{{ .Item.Title }}{{ end }}`, ""},
		{"home", `{{ range .Site.Pages }}{{ .Content }}{{ with .Prev }}{{ .Title }}{{ end }}{{ end }}`, ""},
		{"home", `{{ range .Site.Pages }}{{ .Prev.Content }}{{ end }}`, ".Content of a listed page"},
		{"home", `{{ with .Site.Section "study" }}{{ range .Pages }}{{ .Content }}{{ end }}{{ end }}`, ".Content of a listed page"},
		{"home", `{{ range (limit 3 .Page.Related) }}{{ .Content }}{{ end }}`, ".Content of a listed page"},
		{"home", `{{ range index .Site.Tags.Terms 0 }}{{ .Name }}{{ end }}`, ""},
		{"term", `{{ len .Term.Pages }}{{ range .Pager.Pages }}{{ .Title }}{{ end }}`, ""},
		{"term", `{{ range .Term.Pages }}{{ .Title }}{{ end }}`, "pages whose number alone is hashed are used for more than len"},
		{"term", `{{ .Page.Summary }}{{ .Page.Content }}`, ".Content of a listed page"},
		{"term", `{{ range .Taxonomy.Terms }}{{ len .Pages }}{{ end }}`, ".Pages of a term of .Taxonomy"},
		{"taxonomy", `{{ range .Taxonomy.Terms }}{{ .Name }} {{ len .Pages }}{{ end }}`, ""},
		{"page", `{{ $x := .Page }}{{ with .Page.Next }}{{ $x = . }}{{ end }}{{ $x.Content }}`, ".Content of an unknown value"},
		{"page", `{{ (call .Foo).Content }}`, ".Content of an unknown value"},
		{"section", `{{ $x := false }}{{ range .Pager.Pages }}{{ with $x }}{{ .Content }}{{ end }}{{ $x = . }}{{ end }}`, ".Content of a listed page"},
	} {
		set := template.Must(template.New("main").Funcs(Funcs(time.UTC)).Funcs(template.FuncMap{"T": func(string) string { return "" }}).Parse(c.text))
		got := beyondModel(func(n string) *parse.Tree {
			if t := set.Lookup(n); t != nil {
				return t.Tree
			}
			return nil
		}, "main", c.kind)
		if got != c.want && !(c.want != "" && strings.HasPrefix(got, c.want)) {
			t.Errorf("%s %s:\n got %q\nwant %q", c.kind, c.text, got, c.want)
		}
	}
}

// TestDataMethodsKnown: a Data method that hands out pages must be known
// to reach (dataMethods), or the pages it returns would be read as plain
// values: this finds every method whose result can lead to a page.
func TestDataMethodsKnown(t *testing.T) {
	node := reflect.TypeOf(&site.Node{})
	var leads func(reflect.Type, map[reflect.Type]bool) bool
	leads = func(ty reflect.Type, seen map[reflect.Type]bool) bool {
		if ty == node {
			return true
		}
		if seen[ty] {
			return false
		}
		seen[ty] = true
		switch ty.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			return leads(ty.Elem(), seen)
		case reflect.Struct:
			for i := range ty.NumField() {
				if ty.Field(i).IsExported() && leads(ty.Field(i).Type, seen) {
					return true
				}
			}
		}
		return false
	}
	dt := reflect.TypeOf(&Data{})
	for i := range dt.NumMethod() {
		m := dt.Method(i)
		for j := range m.Type.NumOut() {
			if !leads(m.Type.Out(j), map[reflect.Type]bool{}) {
				continue
			}
			if _, ok := dataMethods[m.Name]; !ok && m.Name != "With" {
				t.Errorf("Data.%s returns pages, but reach does not know what it records (add it to dataMethods)", m.Name)
			}
		}
	}
}
