package emit

// SetPartBytes sets the size of the parts formatParts formats, until the returned func
// restores it.
func SetPartBytes(n int) (restore func()) {
	old := partBytes
	partBytes = n
	return func() { partBytes = old }
}
