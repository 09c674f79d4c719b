// Package chart draws the statistics page's charts as inline SVG at build
// time, so no chart library runs in the reader's browser and the charts
// print and work from file://. Every chart is an image with a text label;
// the numbers themselves go in a table beside it, for screen readers and
// for copying into a report.
package chart
