package config

import (
	"regexp"
	"strings"
)

var mismatchRE = regexp.MustCompile(`cannot decode TOML (\w+) into .* of type (\S+)`)

// decodeMsg turns go-toml's message, written for programmers
// ("toml: cannot decode TOML string into struct field config.Config.PageSize
// of type int"), into one an operator can act on, with what is expected.
func decodeMsg(msg string) string {
	msg = strings.TrimPrefix(msg, "toml: ")
	if m := mismatchRE.FindStringSubmatch(msg); m != nil {
		return "is " + tomlKind(m[1]) + " (want " + goKind(m[2]) + ")"
	}
	return msg + " (want key = value lines, text in double quotes on one line)"
}

func tomlKind(k string) string {
	switch k {
	case "string":
		return "text"
	case "integer", "float":
		return "a number"
	case "boolean", "bool":
		return "true or false"
	case "array":
		return "a list"
	case "table", "inline-table", "inline":
		return "a table"
	}
	return "a " + k
}

func goKind(t string) string {
	switch {
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return "a whole number"
	case t == "bool":
		return "true or false"
	case t == "string":
		return `text in double quotes`
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "float"):
		return "a number"
	}
	return "a table of settings"
}
