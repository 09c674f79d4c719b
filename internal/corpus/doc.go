// Package corpus generates large, realistic sites for benchmarks: n pages of
// Chinese party-building content spread over the four content types, the same
// bytes for the same seed, so that build time, memory and index size can be
// compared between commits on identical input.
//
// The text is assembled from a vocabulary of party-building phrases, people,
// places and numbers, with some Latin words and digits mixed in, because the
// search analyzer's cost depends on exactly that mix. Showcases are bundles
// whose cover is one tiny PNG reused everywhere, which keeps generation fast
// while still exercising image handling.
package corpus
