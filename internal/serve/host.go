package serve

import (
	"net"
	"net/http"
	"net/netip"
	"strings"

	"github.com/pubgen/pubgen/internal/msg"
)

// HostPolicy says which Host headers the server answers. A page on any
// site can make a browser send requests to the preview under its own name
// once that name resolves to 127.0.0.1 (DNS rebinding); the browser then
// treats the answers, drafts and search results included, as that page's
// own. Refusing every Host the operator did not choose closes that hole.
// The zero HostPolicy answers loopback names only.
type HostPolicy struct {
	// Bind is the address the server listens on. A non-loopback IP
	// (0.0.0.0 and :: included) means the operator exposed the preview on
	// purpose, and then every Host is answered; otherwise Bind is one more
	// allowed name.
	Bind string
	// Allowed are further host names, without ports. As in Vite's
	// server.allowedHosts, a name starting with "." also allows every
	// subdomain of it.
	Allowed []string
	// Words is the language a refusal is written in: the site's.
	Words msg.Printer
}

// loopbackNames are answered whatever the policy: a browser resolves them
// itself, so no DNS answer can point them elsewhere.
var loopbackNames = []string{"localhost", "127.0.0.1", "::1"}

// hostCheck is a HostPolicy prepared for lookups.
type hostCheck struct {
	any     bool
	exact   map[string]bool
	domains []string // ".example.com" forms
	words   msg.Printer
}

func (p HostPolicy) compile() hostCheck {
	if ip, err := netip.ParseAddr(strings.Trim(p.Bind, "[]")); err == nil && !ip.Unmap().IsLoopback() {
		return hostCheck{any: true}
	}
	c := hostCheck{exact: map[string]bool{}, words: p.Words}
	for _, n := range append(append(append([]string(nil), loopbackNames...), p.Bind), p.Allowed...) {
		if strings.HasPrefix(n, ".") {
			c.domains = append(c.domains, "."+normalHost(n[1:]))
		} else if h := normalHost(n); h != "" {
			c.exact[h] = true
		}
	}
	return c
}

// allows reports whether a request with this Host header (port optional)
// may be answered.
func (c hostCheck) allows(host string) bool {
	if c.any {
		return true
	}
	h := normalHost(host)
	if c.exact[h] {
		return true
	}
	for _, d := range c.domains {
		if h == d[1:] || strings.HasSuffix(h, d) {
			return true
		}
	}
	return false
}

// normalHost is the name part of a Host header or a listed name, compared
// case-insensitively, without port, brackets or a final dot, and with IP
// addresses in one spelling ([0:0::1] is ::1).
func normalHost(host string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if ip, err := netip.ParseAddr(host); err == nil {
		return ip.Unmap().String()
	}
	return host
}

// refuseHost answers a request for a name the operator did not allow, and
// says how to allow it.
func refuseHost(w http.ResponseWriter, host string, p msg.Printer) {
	name := normalHost(host)
	if name == "" {
		http.Error(w, p.Sprint(msg.ServeNoHost), http.StatusForbidden)
		return
	}
	http.Error(w, p.Sprint(msg.ServeHostRefused, name), http.StatusForbidden)
}
