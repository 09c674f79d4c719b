// Package incremental owns what a session (pubgen serve, build --watch)
// remembers between builds: Memory holds every memo table, one per kind of
// work, so this package's Memory is the one list of pubgen's caches. Each
// table follows package memo's rules — found by name, used only at the
// version its input's owner supplies (page.Version and page.Sum for a
// content file, markup.Converter.Hash for the Markdown options,
// config.Config.Hash, a photo's or attachment's bytes), forgotten when a
// build no longer asks for it — and the stage that does the work keeps the
// logic of its own table (scaffold.HintsMemo, convert.Memo,
// privacyscan.Memo, outputs.PrepareMemo, render.Cache and PageMemo,
// minify.Memo, searchdoc.MaskMemo, site.RelatedMemo, attach.Cache). The tables of work that has no stage of
// its own live here: parsed pages (Pages) and the bytes of copied files
// (Copied).
//
// A nil *Memory remembers nothing: a clean build runs the same code as a
// session with every table empty.
package incremental
