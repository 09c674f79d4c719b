package serve

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/pubgen/pubgen/internal/msg"
)

// Limits of the search endpoint, so a dev server on a shared machine cannot
// be made to do unbounded work.
const (
	MaxQueryRunes = 200
	MaxResults    = 50
)

// SearchFunc answers a query with at most limit results, as JSON-encodable
// values.
type SearchFunc func(q string, limit int) (any, error)

// Server serves one site from memory. Its methods are safe for concurrent
// use: builds call Publish and Fail while requests are served.
type Server struct {
	base   string // "/" or "/sub/path/"
	search SearchFunc
	hosts  hostCheck
	words  msg.Printer // the site's language, for the server's own answers

	mu      sync.RWMutex
	files   map[string][]byte
	failure string // the last build's error, "" after a good build
	heading string // the overlay's heading for it, in the build's language
	subs    map[chan event]struct{}
}

type event struct {
	name string
	data string
}

// New returns a server for a site published under basePath ("" or "/" for
// the root) that answers only the Host names hosts allows.
func New(basePath string, search SearchFunc, hosts HostPolicy) *Server {
	base := "/" + strings.Trim(basePath, "/") + "/"
	if base == "//" {
		base = "/"
	}
	return &Server{base: base, search: search, hosts: hosts.compile(), words: hosts.Words, files: map[string][]byte{}, subs: map[chan event]struct{}{}}
}

// Base returns the path the site is served under, with slashes around it.
func (s *Server) Base() string { return s.base }

// Publish makes files the served site and tells open pages which output
// files changed, so each reloads only when it is affected.
func (s *Server) Publish(files map[string][]byte, changed []string) {
	s.mu.Lock()
	s.files = files
	wasFailing := s.failure != ""
	s.failure = ""
	s.mu.Unlock()
	if wasFailing {
		s.broadcast(event{"ok", "{}"})
	}
	data, _ := json.Marshal(map[string][]string{"changed": changed})
	s.broadcast(event{"reload", string(data)})
}

// Fail keeps serving the last good site and shows message over every open
// page until the next Publish, under a heading in p's language (the failed
// build's).
func (s *Server) Fail(p msg.Printer, message string) {
	s.mu.Lock()
	s.failure, s.heading = message, p.Sprint(msg.ServeOverlayHeading)
	data := failedEvent(s.heading, s.failure)
	s.mu.Unlock()
	s.broadcast(event{"failed", data})
}

// failedEvent is the data of a "failed" event: the overlay's heading and
// the build's message.
func failedEvent(heading, message string) string {
	data, _ := json.Marshal(map[string]string{"heading": heading, "message": message})
	return string(data)
}

func (s *Server) broadcast(e event) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for ch := range s.subs {
		select {
		case ch <- e:
		default: // a stalled page misses one event rather than stalling builds
		}
	}
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Checked before any route, the events stream and the search API
	// included: every answer may carry drafts.
	if !s.hosts.allows(r.Host) {
		refuseHost(w, r.Host, s.hosts.words)
		return
	}
	// No route sends CORS headers, so a page on another origin that calls
	// the preview by an allowed name (http://127.0.0.1:1313/...) cannot
	// read the answer; nosniff keeps the search JSON from being loaded as
	// a script instead.
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, s.words.Sprint(msg.ServeMethod, r.Method), http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, s.base) {
		if p == "/" || p+"/" == s.base {
			http.Redirect(w, r, s.base, http.StatusFound)
			return
		}
		s.notFound(w, p)
		return
	}
	rel := strings.TrimPrefix(p, s.base)
	switch rel {
	case "_pubgen/livereload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte(liveReloadJS))
		return
	case "_pubgen/events":
		s.events(w, r)
		return
	case "_pubgen/search":
		s.searchHandler(w, r)
		return
	}
	s.file(w, r, rel)
}

func (s *Server) file(w http.ResponseWriter, r *http.Request, rel string) {
	clean := strings.TrimPrefix(path.Clean("/"+rel), "/")
	if rel == "" || strings.HasSuffix(rel, "/") {
		clean = strings.TrimPrefix(clean+"/index.html", "/")
	}
	s.mu.RLock()
	data, ok := s.files[clean]
	if !ok && !strings.HasSuffix(clean, ".html") {
		// A folder asked for without its slash: send the browser to it, so
		// relative links on the page resolve against the folder.
		if _, isDir := s.files[clean+"/index.html"]; isDir {
			s.mu.RUnlock()
			http.Redirect(w, r, s.base+clean+"/", http.StatusMovedPermanently)
			return
		}
	}
	status := http.StatusOK
	if !ok {
		data, ok = s.files["404.html"]
		status = http.StatusNotFound
		clean = "404.html"
	}
	s.mu.RUnlock()
	if !ok {
		s.notFound(w, "/"+rel)
		return
	}
	ct := mime.TypeByExtension(path.Ext(clean))
	if ct == "" {
		ct = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// notFound answers a path with no page when the site has no 404.html
// (or the path is outside the site's base path), saying where the site is.
func (s *Server) notFound(w http.ResponseWriter, path string) {
	http.Error(w, s.words.Sprint(msg.ServeNotFound, path, s.base), http.StatusNotFound)
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, s.words.Sprint(msg.Internal, msg.Raw("serve: the response writer cannot stream events")), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch := make(chan event, 8)
	s.mu.Lock()
	s.subs[ch] = struct{}{}
	failure, heading := s.failure, s.heading
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.subs, ch)
		s.mu.Unlock()
	}()
	fmt.Fprint(w, "retry: 500\n\n")
	if failure != "" {
		fmt.Fprintf(w, "event: failed\ndata: %s\n\n", failedEvent(heading, failure))
	}
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case e := <-ch:
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, e.data)
			fl.Flush()
		}
	}
}

func (s *Server) searchHandler(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	if utf8.RuneCountInString(q) > MaxQueryRunes {
		http.Error(w, s.words.Sprint(msg.ServeQueryTooLong, MaxQueryRunes), http.StatusBadRequest)
		return
	}
	limit := 10
	if l, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && l > 0 {
		limit = min(l, MaxResults)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if s.search == nil || strings.TrimSpace(q) == "" {
		w.Write([]byte("[]\n"))
		return
	}
	hits, err := s.search(q, limit)
	if err != nil {
		// The answer is JSON's type already; the error is plain text.
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		http.Error(w, s.words.Sprint(msg.ServeSearchFailed, msg.Raw(err.Error())), http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(hits)
}
