package render

import (
	"reflect"
	"time"

	"github.com/pubgen/pubgen/internal/config"
)

// ConfigView is .Site.Config: the site's configuration, each setting a
// method of the same name as its field, each recording for the output
// which setting it read. An output is rendered again when a setting it
// printed changes, not when any line of pubgen.toml does.
type ConfigView struct {
	c   *config.Config
	rec *recorder
}

// setting records a read of the Config field named name.
func (cv *ConfigView) setting(name string) *config.Config {
	cv.rec.read(kConfig, name)
	return cv.c
}

func (cv *ConfigView) Title() string             { return cv.setting("Title").Title }
func (cv *ConfigView) Description() string       { return cv.setting("Description").Description }
func (cv *ConfigView) Language() string          { return cv.setting("Language").Language }
func (cv *ConfigView) BaseURL() string           { return cv.setting("BaseURL").BaseURL }
func (cv *ConfigView) Theme() string             { return cv.setting("Theme").Theme }
func (cv *ConfigView) Timezone() string          { return cv.setting("Timezone").Timezone }
func (cv *ConfigView) URLStyle() string          { return cv.setting("URLStyle").URLStyle }
func (cv *ConfigView) PageSize() int             { return cv.setting("PageSize").PageSize }
func (cv *ConfigView) Copyright() string         { return cv.setting("Copyright").Copyright }
func (cv *ConfigView) Logo() string              { return cv.setting("Logo").Logo }
func (cv *ConfigView) Banner() string            { return cv.setting("Banner").Banner }
func (cv *ConfigView) Icon() string              { return cv.setting("Icon").Icon }
func (cv *ConfigView) Markdown() config.Markdown { return cv.setting("Markdown").Markdown }
func (cv *ConfigView) Branches() []config.Branch { return cv.setting("Branches").Branches }
func (cv *ConfigView) Ledger() config.Ledger     { return cv.setting("Ledger").Ledger }
func (cv *ConfigView) Images() config.Images     { return cv.setting("Images").Images }
func (cv *ConfigView) Content() config.Content   { return cv.setting("Content").Content }
func (cv *ConfigView) Location() *time.Location  { return cv.setting("Location").Location }
func (cv *ConfigView) BranchByName(name string) (config.Branch, bool) {
	return cv.setting("Branches").BranchByName(name)
}

// configValue is what a read of the setting name sees in c: the field's
// value, the zone by its name.
func configValue(c *config.Config, name string) any {
	if name == "Location" {
		return c.Location.String()
	}
	f := reflect.ValueOf(c).Elem().FieldByName(name)
	if !f.IsValid() {
		return nil
	}
	return f.Interface()
}
