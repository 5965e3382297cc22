package hours_test

import (
	"os"
	"testing"

	"github.com/werkplek/werkplek/internal/coretest"
	"github.com/werkplek/werkplek/internal/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// The tests' clock starts on Friday 27 November 2026 (week 48, 23 to 29
// November). Jan and Pieter work in Zorg Oost, whose lead is Anouk; Kees
// works in Zorg West (no lead), his manager is Anouk, and he reads English.
const (
	anouk  = coretest.Anouk  // lead of Zorg Oost
	pieter = coretest.Pieter // Zorg Oost
	jan    = coretest.Jan    // Zorg Oost
	kees   = coretest.Kees   // Zorg West (no lead), manager Anouk
)
