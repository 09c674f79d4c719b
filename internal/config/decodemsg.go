package config

import (
	"regexp"
	"strings"

	"github.com/pubgen/pubgen/internal/msg"
)

var mismatchRE = regexp.MustCompile(`cannot decode TOML (\w+) into .* of type (\S+)`)

// decodeMsg turns go-toml's message, written for programmers
// ("toml: cannot decode TOML string into struct field config.Config.PageSize
// of type int"), into one an operator can act on, with what is expected.
func decodeMsg(text string) msg.Text {
	text = strings.TrimPrefix(text, "toml: ")
	if m := mismatchRE.FindStringSubmatch(text); m != nil {
		return msg.New(msg.ConfigWrongType, tomlKind(m[1]), goKind(m[2]))
	}
	if strings.Contains(text, "strings cannot have new lines") {
		return msg.New(msg.ConfigQuoteUnclosed, text)
	}
	return msg.New(msg.ConfigSyntax, text)
}

func tomlKind(k string) msg.Text {
	switch k {
	case "string":
		return msg.New(msg.ConfigKindText)
	case "integer", "float":
		return msg.New(msg.ConfigKindNumber)
	case "boolean", "bool":
		return msg.New(msg.ConfigKindBool)
	case "array":
		return msg.New(msg.ConfigKindList)
	case "table", "inline-table", "inline":
		return msg.New(msg.ConfigKindTable)
	}
	return msg.Raw("a " + k)
}

func goKind(t string) msg.Key {
	switch {
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return msg.ConfigKindWhole
	case t == "bool":
		return msg.ConfigKindBool
	case t == "string":
		return msg.ConfigKindQuoted
	case strings.HasPrefix(t, "[]"):
		return msg.ConfigKindList
	case strings.HasPrefix(t, "float"):
		return msg.ConfigKindNumber
	}
	return msg.ConfigKindTable
}
