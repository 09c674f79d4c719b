// Package measure holds what the benchmarks of several packages measure
// alike: the process's CPU time and the bytes of a folder. One copy, so
// that the figures quoted from different packages mean the same thing.
package measure
