package attach

import (
	"io"
	"sync/atomic"
	"time"
)

// budget is what one extraction may still spend. Readers charge it as they
// read (bytes through readerAt and stream, steps in the lexer); once it
// is spent, or cancelled because run stopped waiting, the next charge
// panics with stop, which run recovers into the reason.
type budget struct {
	lim      Limits
	deadline time.Time
	read     atomic.Int64
	steps    int
	text     int // bytes of text kept
	why      atomic.Pointer[error]
}

// stop is the panic value of a spent budget.
type stop struct{ err error }

func newBudget(lim Limits) *budget {
	return &budget{lim: lim, deadline: time.Now().Add(lim.Timeout)}
}

// stopped returns why the budget stopped the work, nil if it did not.
func (b *budget) stopped() error {
	if p := b.why.Load(); p != nil {
		return *p
	}
	return nil
}

func (b *budget) fail(err error) {
	b.why.CompareAndSwap(nil, &err)
	panic(stop{b.stopped()})
}

// timeoutErr is the one failure that depends on the machine (how busy it
// was), so the cache keeps it for the session only, not on disk.
func (b *budget) timeoutErr() error { return problem(WhyTimeout, "", b.lim.Timeout.Milliseconds()) }

// cancel makes the next charge stop the work.
func (b *budget) cancel() {
	err := b.timeoutErr()
	b.why.CompareAndSwap(nil, &err)
}

// charge spends n bytes of reading and checks the clock.
func (b *budget) charge(n int) {
	if b.why.Load() != nil {
		panic(stop{b.stopped()})
	}
	if b.read.Add(int64(n)) > b.lim.MaxRead {
		b.fail(problem(WhyTooMuchReading, "", mb(b.lim.MaxRead)))
	}
	if time.Now().After(b.deadline) {
		b.fail(b.timeoutErr())
	}
}

// step is charged once per token or element read, for work that reads
// little but loops long; the clock is looked at every 1024 steps.
func (b *budget) step() {
	b.steps++
	if b.steps&1023 == 0 {
		b.charge(0)
	}
}

// addText spends n bytes of kept text; false once MaxText is reached,
// after which the rest of the file's text is left out.
func (b *budget) addText(n int) bool {
	if b.text+n > b.lim.MaxText {
		b.text = b.lim.MaxText
		return false
	}
	b.text += n
	return true
}

func (b *budget) textFull() bool { return b.text >= b.lim.MaxText }

// readerAt charges every read of the file to the budget, so the PDF
// library, which reads the file again for each object it resolves, is
// bounded however its loops go.
type readerAt struct {
	data []byte
	b    *budget
}

func (r readerAt) ReadAt(p []byte, off int64) (int, error) {
	r.b.charge(len(p))
	if off < 0 || off >= int64(len(r.data)) {
		return 0, io.EOF
	}
	n := copy(p, r.data[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// readAll reads a decompressing stream into memory, charging the budget,
// and stops at max bytes (the rest is left out: a content stream that
// large is a bomb, not a page of text).
func (b *budget) readAll(r io.Reader, max int64) []byte {
	var out []byte
	buf := make([]byte, 32<<10)
	for int64(len(out)) < max {
		n, err := r.Read(buf)
		b.charge(n)
		out = append(out, buf[:n]...)
		if err != nil {
			break
		}
	}
	if int64(len(out)) > max {
		out = out[:max]
	}
	return out
}
