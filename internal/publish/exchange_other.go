//go:build !linux && !darwin

package publish

// exchange is not available here; Publish falls back to two renames.
func exchange(a, b string) error { return errNoExchange }
