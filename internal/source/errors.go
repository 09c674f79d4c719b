package source

import (
	"errors"
	"io/fs"
)

func errorsIsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
