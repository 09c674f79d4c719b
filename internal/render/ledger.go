package render

import (
	"github.com/pubgen/pubgen/internal/ledger"
	"github.com/pubgen/pubgen/internal/site"
)

// Ledger returns the organisational-life ledger (组织生活台账) of a branch
// term, from the meeting notices among its pages; nil on other pages.
func (d *Data) Ledger() []ledger.Quarter {
	if d.Term == nil || d.Taxonomy.t != d.graph().Branches {
		return nil
	}
	d.rec.read(kLedger, d.Term.term.Name)
	return branchLedger(d.graph(), d.Term.term)
}

func branchLedger(s *site.Site, t *site.Term) []ledger.Quarter {
	var ms []ledger.Meeting
	for _, n := range t.Pages {
		// A draft (shown by --drafts) is a meeting not yet announced.
		if n.Meeting != nil && !n.Draft && !n.Meeting.Start.IsZero() {
			ms = append(ms, ledger.Meeting{Kind: n.Meeting.Kind, Start: n.Meeting.Start})
		}
	}
	return ledger.Build(s.Config.Ledger.Rules, ms, s.Now, s.Config.Location)
}
