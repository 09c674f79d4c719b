// Package qrcode draws QR codes as inline SVG at build time: a printed
// notice carries one that opens its page online. It is the only user of
// github.com/piglig/go-qr, a pure-Go port of Nayuki's QR Code generator
// with no dependencies of its own, whose decoder the tests use to read
// the drawing back.
package qrcode
