package render

import "sync"

// keyTable numbers the keys a session's outputs have read, so that each
// output holds its reads as 4-byte numbers instead of 24-byte keys (on
// 10,000 pages, 1.6 million reads), and a rebuild finds which reads
// changed by their numbers. The numbers mean nothing outside the table: versions are
// still hashed from the keys themselves, so renumbering (compact) changes
// no output's version. It is safe for concurrent use.
type keyTable struct {
	mu   sync.Mutex
	ids  map[key]uint32
	keys []key
	// seen is each key's version in the last build that rendered, by
	// number (Versions.see): every file the cache holds was rendered or
	// found right in that build, so a file is still right while none of
	// its keys' versions differs from seen.
	seen [][32]byte
	// owners is each page's ownerVersion in the build that saw seen, by
	// source path: a key a page owns is unchanged while its page's owner
	// version is (Versions.changed).
	owners map[string][32]byte
	// shape is the shapeVersion of the build that saw seen: a key of
	// the site's lists and of the Data helpers (shaped) is unchanged
	// while it is.
	shape [32]byte
	// jobs is the jobsVersion of that build, zero when its job versions
	// may not be reused (RunCached).
	jobs [32]byte
	// scanned is how many keys the table held after compact last
	// looked for the keys no file reads.
	scanned int
}

// number returns the numbers of ks, numbering the keys not seen before.
func (t *keyTable) number(ks []key) []uint32 {
	out := make([]uint32, len(ks))
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.ids == nil {
		t.ids = map[key]uint32{}
	}
	for i, k := range ks {
		id, ok := t.ids[k]
		if !ok {
			id = uint32(len(t.keys))
			t.ids[k] = id
			t.keys = append(t.keys, k)
		}
		out[i] = id
	}
	return out
}

// snapshot is the keys numbered so far. Keys are only ever appended, so
// the snapshot stays right while others are numbered.
func (t *keyTable) snapshot() []key {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.keys
}

// seenSnapshot is the versions seen in the last build, by number, the
// owner versions of its pages and the version of its shape.
func (t *keyTable) seenSnapshot() ([][32]byte, map[string][32]byte, [32]byte) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.seen, t.owners, t.shape
}

// setSeen replaces the versions seen, by number, and the owner versions
// of the pages and the shape version they were seen with.
func (t *keyTable) setSeen(seen [][32]byte, owners map[string][32]byte, shape [32]byte) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.seen, t.owners, t.shape = seen, owners, shape
}

// key returns the key numbered id.
func (t *keyTable) key(id uint32) key {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.keys[id]
}

// compact renumbers the keys files still read, once more than half the
// table is keys no file reads any more (a renamed page's, a removed
// template's), so that a long session does not keep every key it ever saw.
//
// It looks only once the table has grown by compactAfter keys since it
// last looked: the look goes over every file's reads (1.6 million on
// 10,000 pages), and most rebuilds number no new key. So the table is at
// most compactAfter keys larger than it was after its last look, however
// many keys have gone dead since.
func (t *keyTable) compact(files map[string]cached) {
	if len(t.keys) < t.scanned+compactAfter {
		return
	}
	defer func() { t.scanned = len(t.keys) }()
	// Marked in a slice by number, not a set: every rebuild asks, over
	// every file's reads (1.6 million on 10,000 pages).
	live := make([]bool, len(t.keys))
	nlive := 0
	for _, f := range files {
		for _, id := range f.reads {
			if !live[id] {
				live[id] = true
				nlive++
			}
		}
	}
	if len(t.keys) <= 2*nlive+compactAfter {
		return
	}
	renum := make(map[uint32]uint32, nlive)
	fresh := &keyTable{ids: make(map[key]uint32, nlive), keys: make([]key, 0, nlive), seen: make([][32]byte, 0, nlive)}
	for name, f := range files {
		reads := make([]uint32, len(f.reads))
		for i, id := range f.reads {
			n, ok := renum[id]
			if !ok {
				n = uint32(len(fresh.keys))
				renum[id] = n
				fresh.keys = append(fresh.keys, t.keys[id])
				var seen [32]byte // never seen: any version differs
				if int(id) < len(t.seen) {
					seen = t.seen[id]
				}
				fresh.seen = append(fresh.seen, seen)
				fresh.ids[t.keys[id]] = n
			}
			reads[i] = n
		}
		f.reads = reads
		files[name] = f
	}
	t.ids, t.keys, t.seen = fresh.ids, fresh.keys, fresh.seen
}

// compactAfter is how many keys the table grows by before compact looks
// for dead keys again, and how many dead keys it keeps in any case.
const compactAfter = 1024

// jobsSeen is the jobsVersion of the last build, zero for none.
func (t *keyTable) jobsSeen() [32]byte {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.jobs
}

// setJobs records the jobsVersion of the build whose job versions the
// cache's files hold; zero says they may not be reused.
func (t *keyTable) setJobs(v [32]byte) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.jobs = v
}
