package sitedata

import (
	"fmt"

	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/page"
)

// dataWords name the YAML parser's complaints in a data file's words.
var dataWords = page.YAMLWords{Syntax: msg.DataSyntaxYAML, TooDeep: msg.DataTooDeep}

func decodeYAML(file string, b []byte) (any, *problem) {
	return decodeYAMLWithin(b, page.MaxValues)
}

// decodeYAMLWithin decodes b once its aliases are known to end and to
// expand to at most limit values. The text is read as front matter is
// (package page owns both checks): the usual writing mistakes are named
// at their line before the parser's words, and a billion laughs costs
// what limit values cost.
func decodeYAMLWithin(b []byte, limit int) (any, *problem) {
	doc, probs := page.ReadYAML(b, 1, dataWords)
	if len(probs) > 0 {
		return nil, fromPage(probs[0])
	}
	if len(doc.Content) == 0 {
		return map[string]any{}, nil
	}
	if a := page.CheckAliases(doc.Content[0], limit); a != nil {
		p := &problem{line: a.At.Line, col: a.At.Column}
		switch a.Kind {
		case page.AliasLoop:
			p.msg = msg.New(msg.SyntaxAliasLoop, a.At.Value)
		case page.AliasTooBig:
			p.msg = msg.New(msg.DataAliasTooBig, a.At.Value, a.Limit)
		default:
			p.msg = msg.New(msg.DataTooManyValues, a.Limit)
		}
		return nil, p
	}
	var v any
	if err := doc.Content[0].Decode(&v); err != nil {
		return nil, fromPage(page.DecodeProblem(err, 1, dataWords))
	}
	return stringKeys(v), nil
}

func fromPage(p page.Problem) *problem {
	return &problem{p.Pos.Line, p.Pos.Col, p.Field, p.Msg}
}

// stringKeys gives every mapping string keys, as TOML and JSON have: YAML
// allows `1: one`, which would otherwise be a map templates cannot index
// by name.
func stringKeys(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			t[k] = stringKeys(x)
		}
	case map[any]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[fmt.Sprint(k)] = stringKeys(x)
		}
		return m
	case []any:
		for i, x := range t {
			t[i] = stringKeys(x)
		}
	}
	return v
}
