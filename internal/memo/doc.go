// Package memo holds what a session (pubgen serve, build --watch)
// remembers between builds, and the rules every such memory follows:
//
//  1. An entry is found by a name (the source path, or output path, it is
//     about) and is used only when its version equals the one asked for.
//  2. A version is a hash its input's owner supplies — page.Sum for a
//     content file, markup.Converter.Hash for the Markdown options,
//     config.Config.Hash for pubgen.toml, layout.Layouts.Hash for the
//     templates and strings — combined with Sum. Never a pointer: a
//     pointer that happens to survive a rebuild says nothing of what it
//     points to.
//  3. An entry no build asked for is forgotten when that build ends
//     (Sweep), so a deleted or renamed file leaves nothing behind.
//  4. A miss costs only the work a clean build does anyway, so a memo may
//     forget anything at any time; it must never answer with a stale entry.
//  5. A file's stat (size, modification and change time, identity: Stat)
//     proves it unchanged only outside the racy window, counted from the
//     later of its two times.
package memo
