package sitedata

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"

	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/page"
)

// tomlTwiceRE is go-toml's complaint about a key or a table written twice.
var tomlTwiceRE = regexp.MustCompile(`^(?:key (.+) is already defined|table (.+) already exists)$`)

func decodeTOML(file string, b []byte) (any, *problem) {
	var m map[string]any
	if err := toml.Unmarshal(b, &m); err != nil {
		p := &problem{line: 1, col: 1, msg: tomlText(strings.TrimPrefix(err.Error(), "toml: "))}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			// go-toml counts the column in bytes; an author's editor
			// counts characters (a Chinese character is three bytes).
			p.line, p.col = row, runeCol(b, row, col)
		}
		return nil, p
	}
	// TOML has no aliases, but a megabyte of [1,1,1,…] is hundreds of
	// thousands of values: the same budget as everywhere.
	if n := count(m, page.MaxValues+1); n > page.MaxValues {
		return nil, &problem{1, 1, "", msg.New(msg.DataTooManyValues, page.MaxValues)}
	}
	return m, nil
}

// tomlText puts go-toml's complaint into the catalogue's words.
func tomlText(text string) msg.Text {
	if m := tomlTwiceRE.FindStringSubmatch(text); m != nil {
		return msg.New(msg.DataDuplicateTOML, m[1]+m[2], text)
	}
	switch {
	case strings.Contains(text, "strings cannot have new lines"):
		return msg.New(msg.DataQuoteUnclosedTOML, text)
	case strings.Contains(text, "nested more than"):
		return msg.New(msg.DataTooDeep, text)
	}
	return msg.New(msg.DataSyntaxTOML, text)
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
			return nil, &problem{line, col, "", msg.New(msg.DataJSONMore)}
		}
	}
	if err != nil {
		off := len(b)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = int(se.Offset) - 1 // counted after the character it names
		}
		line, col := at(b, off)
		t := msg.New(msg.DataSyntaxJSON, err.Error())
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			t = msg.New(msg.DataJSONEndsInside)
		}
		return nil, &problem{line, col, "", t}
	}
	if n := count(v, page.MaxValues+1); n > page.MaxValues {
		return nil, &problem{1, 1, "", msg.New(msg.DataTooManyValues, page.MaxValues)}
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

// runeCol turns a 1-based column counted in bytes on line row of b into
// one counted in characters.
func runeCol(b []byte, row, col int) int {
	lines := bytes.SplitN(b, []byte{'\n'}, row+1)
	if row < 1 || row > len(lines) || col < 1 {
		return col
	}
	l := lines[row-1]
	return utf8.RuneCount(l[:min(col-1, len(l))]) + 1
}

// at turns a byte offset into a 1-based line and a column in characters.
func at(b []byte, off int) (line, col int) {
	off = min(max(off, 0), len(b))
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	return bytes.Count(b[:off], []byte{'\n'}) + 1, utf8.RuneCount(b[start:off]) + 1
}
