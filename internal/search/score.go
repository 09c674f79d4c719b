package search

import "math"

// The scorer. A query's score for a page is the sum, over the query's keys
// (queryKeys), of an integer per key:
//
//	score(q, d) = Σ_k ⌊scoreScale · idf(k)² · w(k, d) + ½⌋
//	idf(k)      = 1 + ln(N / (df(k) + 1))
//	w(k, d)     = s(k, d)/staticScale + √tb(k, d) · ν(d)   a text key (bigram, word)
//	w(k, d)     = ν(d)                                     a single-character key
//	s(k, d)     = ⌊staticScale · Σ_f boost_f · √tf_f(k, d) / √len_f(d) + ½⌋
//	              over f = title (×3), summary (×1.5), meta (×1.5)
//	ν(d)        = 1 / √levelLength(level(d))
//
// N is the number of pages, df(k) the number of pages having k in any of
// its fields, tb and tf_f how often k occurs in the body and in field f,
// len_f the tokens of field f, and level(d) the page's length (every
// character of its text, as charField holds them) rounded down to one of
// 64 lengths about 20% apart (lengthLevel).
//
// The formula is bleve's TF-IDF shape (√tf, a length norm, idf², per-field
// boosts), cut so that what a page edit changes stays small in the shards:
// s only depends on the page's short fields, so a body edit changes no
// posting whose body frequency stayed the same; the body's length is not
// in any posting but in the page's level, shipped once per page; N and df
// are not in the postings either, the browser has N from the entry and df
// from the length of the list it decoded. A single character (a reader still
// typing) counts only whether the page has it, and how short the page is.
//
// The same function runs on both sides: Search reads tf, len_f, df and N
// from bleve's postings and the page's stored level; the export ships s, tb
// and the levels, and engine.js computes the rest in the same float64
// operations in the same order, then sums integers, so both rank the same
// pages in the same order. Every operation but the logarithm is correctly
// rounded in both languages; V8's Math.log and Go's math.Log differ in the
// last bit for about one argument in 300, which changes an integer only
// where the scaled score lies within about 10⁻¹² of a half.
const (
	scoreScale  = 1000
	staticScale = 32
	numLevels   = 64
)

// idf is the inverse document frequency of a key in n pages.
func idf(n, df int) float64 { return 1 + math.Log(float64(n)/float64(df+1)) }

// levelLength is the length that level l stands for: 1, 2, … 10, then
// each about a fifth longer than the one before, up to about 150,000
// characters. It is integer arithmetic, computed the same in engine.js.
func levelLength(l int) int {
	n := 1
	for range l {
		n += max(1, n/5)
	}
	return n
}

// lengthLevel is the level of a page of n characters: the highest whose
// length is at most n.
func lengthLevel(n int) int {
	l := 0
	for l+1 < numLevels && levelLength(l+1) <= n {
		l++
	}
	return l
}

// levelNorm is ν: the length norm of a page at level l.
func levelNorm(l int) float64 { return 1 / math.Sqrt(float64(levelLength(l))) }

// staticWeight is s: the part of a text key's weight that its occurrences
// in the title, summary and meta fields give, with those fields' lengths.
// tf and lens are indexed like textFields; the body's entry is ignored.
func staticWeight(tf, lens [4]int32) int64 {
	var sum float64
	for i, f := range textFields() {
		if f.name == fieldBody || tf[i] == 0 {
			continue
		}
		sum += float64(f.boost * math.Sqrt(float64(tf[i])) / math.Sqrt(float64(lens[i])))
	}
	return int64(math.Floor(float64(sum*staticScale) + 0.5))
}

// keyScore is one key's integer score for one page: idf from idf, s and tb
// from the posting (tb 0 and s 0 for a single-character key, which counts
// the norm alone: char is true), norm from the page's level. The explicit
// conversions round every product, so no compiler fuses a multiply-add
// that JavaScript would round twice.
func keyScore(idf float64, s int64, tb int32, norm float64, char bool) int64 {
	w := norm
	if !char {
		w = float64(float64(s)/staticScale) + float64(math.Sqrt(float64(tb))*norm)
	}
	return int64(math.Floor(float64(float64(scoreScale*float64(idf*idf))*w) + 0.5))
}
