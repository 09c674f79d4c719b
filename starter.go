// Package pubgen holds the starter site embedded in the binary: the default
// theme, the demo content, the site's own layouts/ and static/ (its logo
// and banner) and the configuration files of this repository, which is
// itself a pubgen site. `pubgen init`
// writes it out, so a new site needs nothing but the binary.
package pubgen

import "embed"

// Starter is the repository's own site, read-only.
//
//go:embed pubgen.toml netlify.toml all:content all:layouts all:static all:themes
var Starter embed.FS

// Module is pubgen's own go.mod and go.sum. A new site requires what
// pubgen requires, so `pubgen init` writes the site's go.mod and go.sum
// from them, and the site's first build needs no `go mod tidy`.
//
//go:embed go.mod go.sum
var Module embed.FS
