// Package config owns pubgen.toml: it is the only reader of the file and
// turns it into a typed Config with defaults filled in. Everything else takes
// a *Config; nothing looks settings up by string key.
//
// Decoding is strict: an unknown key (usually a typo) or a value of the wrong
// type is an error naming the key and its line, because a silently ignored
// setting is worse than a failed build.
package config
