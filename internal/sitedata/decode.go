package sitedata

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"

	"github.com/pubgen/pubgen/internal/page"
)

func decodeTOML(file string, b []byte) (any, *problem) {
	var m map[string]any
	if err := toml.Unmarshal(b, &m); err != nil {
		p := &problem{line: 1, col: 1, msg: fmt.Sprintf("is not valid TOML: %s (want key = value lines)", strings.TrimPrefix(err.Error(), "toml: "))}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			p.line, p.col = de.Position()
		}
		return nil, p
	}
	// TOML has no aliases, but a megabyte of [1,1,1,…] is hundreds of
	// thousands of values: the same budget as everywhere.
	if n := count(m, page.MaxValues+1); n > page.MaxValues {
		return nil, &problem{1, 1, fmt.Sprintf("holds more than %d values (want at most %d)", page.MaxValues, page.MaxValues)}
	}
	return m, nil
}

func decodeJSON(file string, b []byte) (any, *problem) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	if err == nil {
		// One value per file: text after it is a mistake (two objects
		// pasted one after the other), not something to drop silently.
		end := int(dec.InputOffset())
		if _, extra := dec.Token(); extra != io.EOF {
			end += len(b[end:]) - len(bytes.TrimLeft(b[end:], " \t\r\n"))
			line, col := at(b, end)
			return nil, &problem{line, col, "is not valid JSON: more after the first value (want one object or list per file)"}
		}
	}
	if err != nil {
		off := len(b)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = int(se.Offset) - 1 // counted after the character it names
		}
		line, col := at(b, off)
		msg := err.Error()
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			msg = "the file ends inside a value"
		}
		return nil, &problem{line, col, fmt.Sprintf("is not valid JSON: %s (want one object or list, e.g. {\"name\": \"…\"})", msg)}
	}
	if n := count(v, page.MaxValues+1); n > page.MaxValues {
		return nil, &problem{1, 1, fmt.Sprintf("holds more than %d values (want at most %d)", page.MaxValues, page.MaxValues)}
	}
	return numbers(v), nil
}

// numbers turns JSON numbers into int64 when they are whole and fit, else
// float64, as TOML and YAML give them: a template compares and prints the
// three formats alike.
func numbers(v any) any {
	switch t := v.(type) {
	case json.Number:
		if i, err := t.Int64(); err == nil {
			return i
		}
		f, _ := t.Float64()
		return f
	case map[string]any:
		for k, x := range t {
			t[k] = numbers(x)
		}
	case []any:
		for i, x := range t {
			t[i] = numbers(x)
		}
	}
	return v
}

// count counts the values in v, stopping once it reaches limit.
func count(v any, limit int) int {
	n := 1
	switch t := v.(type) {
	case map[string]any:
		for _, x := range t {
			if n += count(x, limit-n); n >= limit {
				return n
			}
		}
	case []any:
		for _, x := range t {
			if n += count(x, limit-n); n >= limit {
				return n
			}
		}
	case []map[string]any:
		for _, x := range t {
			if n += count(x, limit-n); n >= limit {
				return n
			}
		}
	}
	return n
}

// at turns a byte offset into a 1-based line and a column in characters.
func at(b []byte, off int) (line, col int) {
	off = min(max(off, 0), len(b))
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	return bytes.Count(b[:off], []byte{'\n'}) + 1, utf8.RuneCount(b[start:off]) + 1
}
