// Package browsertest starts a real headless Chromium for tests.
//
// Tests that need a browser call New: where no Chromium is installed they
// skip with a message saying how to install one, except under CI=true, where a
// missing browser is a failure (CI installs Debian's chromium, and a test that
// silently skipped there would prove nothing).
package browsertest
