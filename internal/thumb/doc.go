// Package thumb makes the thumbnails of showcase photos at build time, so a
// gallery on a phone in WeChat loads small JPEGs while the originals stay
// one tap away. It is the only user of golang.org/x/image. Output is
// deterministic: the same photo always gives the same bytes.
package thumb
