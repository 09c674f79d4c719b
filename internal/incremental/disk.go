package incremental

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"

	"github.com/pubgen/pubgen/internal/memo"
)

// The memory on disk lets a fresh process (a pubgen build run again)
// start where the last one stopped, as a session does between builds:
// nothing it rendered or minified is done again while what it read is
// unchanged. It holds render's table (each file, its job's version and the
// versions of what it read), minify's (each file's input and output), the
// last search export (Exported), each page's conversion and the
// personal-data scan of its text.
//
// It is a cache, one file, memo.bin, in its folder (.pubgen/memo): written
// whole to a temporary file and renamed into place, so a reader sees one
// build's memory or another's. What it cannot trust it ignores, and the
// build then does a clean build's work: a file that is truncated or whose
// checksum fails, another format, or another key — the key names the
// program that wrote it (a hash of its executable: another pubgen may
// version, render or minify differently) and the build options that
// change outputs without being read by any (drafts, future pages, …).
const (
	diskName   = "memo.bin"
	diskMagic  = "pubgen-memo\n"
	diskFormat = 4
)

// Stamp is the checksum of a memory file as read or written: Save skips
// writing the same bytes again.
type Stamp struct {
	sum uint32
	n   int
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Load reads the memory Save left in dir under key into the empty m. On
// any error m stays empty and the error says why; the caller builds from
// scratch, which a missing file (fs.ErrNotExist) means too.
func (m *Memory) Load(dir, key string) (Stamp, error) {
	data, err := os.ReadFile(filepath.Join(dir, diskName))
	if err != nil {
		return Stamp{}, err
	}
	if err := m.decode(data, key); err != nil {
		*m = Memory{}
		return Stamp{}, fmt.Errorf("%s: %w", filepath.Join(dir, diskName), err)
	}
	return Stamp{crc32.Checksum(data, castagnoli), len(data)}, nil
}

func (m *Memory) decode(data []byte, key string) error {
	if len(data) < len(diskMagic)+4 || string(data[:len(diskMagic)]) != diskMagic {
		return errors.New("not a pubgen memory file")
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return errors.New("checksum mismatch (truncated or damaged)")
	}
	d := memo.NewDecoder(body[len(diskMagic):])
	if f := d.Uint(); f != diskFormat {
		return fmt.Errorf("format %d, want %d", f, diskFormat)
	}
	if k := d.String(); k != key {
		return errors.New("written by another pubgen or for other build options")
	}
	if err := m.render.Decode(d); err != nil {
		return err
	}
	if err := m.minify.Decode(d); err != nil {
		return err
	}
	if err := m.export.Decode(d); err != nil {
		return err
	}
	if err := m.convert.Decode(d); err != nil {
		return err
	}
	if err := m.privacy.Decode(d); err != nil {
		return err
	}
	if !d.Done() {
		return memo.ErrCorrupt
	}
	return nil
}

// Save writes m into dir under key, for the next process's Load. was is
// what Load read: the same bytes are not written again.
func (m *Memory) Save(dir, key string, was Stamp) error {
	if was.n > 0 {
		// A first pass makes only the checksum: most builds of a site
		// that was built before change nothing, and the file holds
		// hundreds of megabytes on a large site.
		h := crc32.New(castagnoli)
		n := &countingWriter{w: h}
		if err := m.encode(n, key); err != nil {
			return err
		}
		sum := binary.LittleEndian.AppendUint32(nil, h.Sum32())
		if was.n == n.n+len(sum) && was.sum == crc32.Update(h.Sum32(), castagnoli, sum) {
			return nil
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, diskName+".*")
	if err != nil {
		return err
	}
	err = m.write(f, key)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(dir, diskName))
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// write writes the memory file into f: the body and its checksum.
func (m *Memory) write(f io.Writer, key string) error {
	bw := bufio.NewWriterSize(f, 1<<20)
	h := crc32.New(castagnoli)
	if err := m.encode(io.MultiWriter(bw, h), key); err != nil {
		return err
	}
	if _, err := bw.Write(binary.LittleEndian.AppendUint32(nil, h.Sum32())); err != nil {
		return err
	}
	return bw.Flush()
}

// encode writes the body of the memory file, everything but the
// checksum after it, to w.
func (m *Memory) encode(w io.Writer, key string) error {
	if _, err := io.WriteString(w, diskMagic); err != nil {
		return err
	}
	e := memo.NewEncoder(w)
	e.Uint(diskFormat)
	e.String(key)
	m.render.Encode(e)
	m.minify.Encode(e)
	m.export.Encode(e)
	m.convert.Encode(e)
	m.privacy.Encode(e)
	return e.Flush()
}

// countingWriter counts what it passes on to w.
type countingWriter struct {
	w io.Writer
	n int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += n
	return n, err
}

// ProgramID is a hash of the running program's executable, for the key of
// a memory on disk: versions are worked out by code, and another build of
// pubgen may work them out, or render, differently.
func ProgramID() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
