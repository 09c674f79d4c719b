package markup

import "bytes"

// MaxDepth is how deeply block quotes and lists may nest. Real documents
// stay under ten levels; goldmark's time grows with the square of the depth,
// so a file of a hundred thousand ">" would hold a build for minutes.
const MaxDepth = 100

// Depth returns the deepest nesting of block quotes and list items in src,
// and the 1-based line where it is reached. It over-counts rather than
// under-counts: every ">" and list marker at the start of a line counts one
// level, and so do every two columns of the line's indentation.
func Depth(src []byte) (depth, line int) {
	for n := 1; len(src) > 0; n++ {
		var l []byte
		l, src, _ = bytes.Cut(src, []byte("\n"))
		if d := lineDepth(l); d > depth {
			depth, line = d, n
		}
	}
	return depth, line
}

func lineDepth(l []byte) int {
	d, cols := 0, 0
	for i := 0; i < len(l); {
		switch c := l[i]; {
		case c == ' ' || c == '\t':
			switch {
			case d > 0: // the space after a marker, not indentation
			case c == '\t':
				cols += 4
			default:
				cols++
			}
			i++
		case c == '>':
			d++
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t'):
			d++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j+1 < len(l) && (l[j] == '.' || l[j] == ')') && (l[j+1] == ' ' || l[j+1] == '\t') {
				d++
				i = j + 1
				continue
			}
			return d + cols/2
		default:
			return d + cols/2
		}
	}
	return d + cols/2
}
