package render

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"strings"

	"github.com/pubgen/pubgen/internal/site"
)

// readsSum is the version of everything in reads (keys SiteView recorded
// while a file was rendered), as one hash of this build's graph. A file
// whose fingerprint and readsSum are both what they were when it was
// rendered reads the same things and is the same file. ok is false when a
// key is not known here, and the file must then be rendered again.
func (f *Fingerprints) readsSum(reads []string) (sum [32]byte, ok bool) {
	h := sha256.New()
	for _, k := range reads {
		v, ok := f.readVersion(k)
		if !ok {
			return sum, false
		}
		fmt.Fprintf(h, "%q ", k)
		h.Write(v[:])
	}
	h.Sum(sum[:0])
	return sum, true
}

// readVersion is the version of one recorded read, computed once a build.
func (f *Fingerprints) readVersion(key string) ([32]byte, bool) {
	f.vmu.Lock()
	v, ok := f.versions[key]
	f.vmu.Unlock()
	if ok {
		return v, true
	}
	h := sha256.New()
	if !f.hashRead(h, key) {
		return v, false
	}
	h.Sum(v[:0])
	f.vmu.Lock()
	f.versions[key] = v
	f.vmu.Unlock()
	return v, true
}

// hashRead writes what a read of key saw. Pages are written as their
// summaries (everything lists show: not the body), in the order given.
func (f *Fingerprints) hashRead(h hash.Hash, key string) bool {
	s := f.site
	pages := func(ns []*site.Node) {
		fmt.Fprintf(h, "%d pages\n", len(ns))
		for _, n := range ns {
			f.writeSumm(h, n)
		}
	}
	switch {
	case key == readPages:
		// .Site.Pages is the door a site's layout uses to read anything
		// of any page, its body included: the full versions.
		fmt.Fprintf(h, "%d pages\n", len(s.Pages))
		for _, n := range s.Pages {
			sum := f.full[n]
			h.Write(sum[:])
		}
	case key == readSummaries:
		pages(s.Pages)
	case key == readPlain:
		pages(s.Plain)
	case key == readHome:
		f.writeSumm(h, s.Home)
	case key == readData:
		if f.data != nil {
			h.Write(f.data.Hash[:])
		}
	case key == readNow:
		fmt.Fprintf(h, "%d %s\n", s.Now.UnixNano(), s.Config.Location)
	case key == readSections:
		for _, sec := range s.Sections {
			fmt.Fprintf(h, "%q %q\n", sec.Name, sec.URL)
		}
	case key == readSecTitles:
		for _, sec := range s.Sections {
			typ := ""
			if len(sec.Pages) > 0 {
				typ = sec.Pages[0].Type
			}
			fmt.Fprintf(h, "%q %q %q\n", sec.Name, sec.Index.Title, typ)
		}
	default:
		return f.hashNamedRead(h, key, pages)
	}
	return true
}

// hashNamedRead is hashRead for the keys that carry a name.
func (f *Fingerprints) hashNamedRead(h hash.Hash, key string, pages func([]*site.Node)) bool {
	s := f.site
	if name, ok := strings.CutPrefix(key, readSection); ok {
		if sec := s.Section(name); sec != nil {
			fmt.Fprintf(h, "%q\n", sec.URL)
		}
		return true
	}
	if name, ok := strings.CutPrefix(key, readSecIndex); ok {
		if sec := s.Section(name); sec != nil {
			f.writeSumm(h, sec.Index)
		}
		return true
	}
	if name, ok := strings.CutPrefix(key, readSecPages); ok {
		if sec := s.Section(name); sec != nil {
			pages(sec.Pages)
		}
		return true
	}
	if name, ok := strings.CutPrefix(key, readTaxonomy); ok {
		t := taxonomyNamed(s, name)
		if t == nil {
			return false
		}
		for _, term := range t.Terms {
			fmt.Fprintf(h, "%q %q %q\n", term.Name, term.Slug, term.URL)
			pages(term.Pages)
		}
		return true
	}
	if name, ok := strings.CutPrefix(key, readTermURLs); ok {
		if t := taxonomyNamed(s, name); t != nil {
			for _, term := range t.Terms {
				fmt.Fprintf(h, "%q %q\n", term.Name, term.URL)
			}
		}
		return true
	}
	if name, ok := strings.CutPrefix(key, readBranchTerm); ok {
		for _, term := range s.Branches.Terms {
			if term.Name == name {
				pages(term.Pages)
			}
		}
		return true
	}
	if p, ok := strings.CutPrefix(key, readSeries); ok {
		if n := s.BySource(p); n != nil {
			if nav := s.SeriesNav(n); nav != nil {
				fmt.Fprintf(h, "%q %d\n", nav.Name, nav.Index)
				pages(nav.Pages)
			}
		}
		return true
	}
	if p, ok := strings.CutPrefix(key, readNode); ok {
		f.writeSumm(h, s.BySource(p))
		return true
	}
	if u, ok := strings.CutPrefix(key, readNodeURL); ok {
		f.writeSumm(h, s.ByURL(u))
		return true
	}
	return false
}

func taxonomyNamed(s *site.Site, name string) *site.Taxonomy {
	for _, t := range []*site.Taxonomy{s.Branches, s.Tags, s.Years} {
		if t.Name == name {
			return t
		}
	}
	return nil
}
