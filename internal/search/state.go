package search

// exportState is what an Export computed, kept so that the next Export
// redoes only what changed documents can affect.
type exportState struct{}
