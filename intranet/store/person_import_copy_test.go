package store

import (
	"slices"
	"sync"
	"testing"

	"gorm.io/gorm/schema"
)

// TestImportColumnsArePersonRow requires the columns the PostgreSQL import
// copies to be every column of personRow that gorm's Save writes, so that
// a column added to people is not left out of the bulk path.
func TestImportColumnsArePersonRow(t *testing.T) {
	sch, err := schema.Parse(&personRow{}, &sync.Map{}, schema.NamingStrategy{})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range sch.Fields {
		if f.DBName != "" && f.DBName != "id" && f.Updatable {
			want = append(want, f.DBName)
		}
	}
	got := slices.Clone(importColumns)
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("importColumns = %v\npersonRow has %v", got, want)
	}
	if n := len(personValues(&personRow{})); n != len(importColumns)+1 {
		t.Errorf("personValues gives %d values for id and %d columns", n, len(importColumns))
	}
}
