package store

import (
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/phonebook"
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
	if n := len(personTargets(&personRow{})); n != len(importColumns)+1 {
		t.Errorf("personTargets gives %d values for id and %d columns", n, len(importColumns))
	}
	if n := len(personValues(&personRow{})); n != len(importColumns)+1 {
		t.Errorf("personValues gives %d values for id and %d columns", n, len(importColumns))
	}
}

// TestPersonTermsMerged requires the words the import builds field by
// field (with a cache) to be phonebook.PersonTerms of the whole person,
// also when a word is in several fields with different weights.
func TestPersonTermsMerged(t *testing.T) {
	dept := int64(3)
	people := []struct {
		row  personRow
		dept string
	}{
		{personRow{Name: "Utrecht de Vries", Title: "Planner Utrecht", Location: "Utrecht", Skills: "Planner;EHBO", Active: true}, "Planning Utrecht"},
		{personRow{Name: "Anna van den Berg", Title: "Verpleegkundige", Location: "Zeist", Skills: "Wondzorg", Active: true, DepartmentID: &dept}, "Zorg Oost"},
		{personRow{Name: "Bjørn Zoë Müller", Title: "Adviseur Berg", Location: "Berg en Dal", Skills: "Go;Excel;Berg", Active: true}, "ICT"},
		{personRow{Name: "Kees Bos", Title: "Adviseur Zeist", Location: "zeist", Active: true}, ""},
		{personRow{Name: "Wondzorg Jansen", Title: "", Location: "", Skills: "Wondzorg", Active: true}, ""},
		{personRow{Name: "Anna van den Berg", Title: "Verpleegkundige", Active: false}, "Zorg Oost"},
	}
	c := termCache{}
	for round := 0; round < 2; round++ { // the second from the cache
		for i, p := range people {
			p.row.ID, p.row.SortKey = int64(i+1), "key"
			got := personTerms(&p.row, p.dept, c)
			var want []personTermRow
			if p.row.Active {
				for _, w := range phonebook.PersonTerms(&intranet.Person{Name: p.row.Name, Title: p.row.Title, Location: p.row.Location, Skills: splitList(p.row.Skills), Department: p.dept}) {
					want = append(want, personTermRow{Term: w.Term, PersonID: p.row.ID, Display: w.Display, Field: w.Field, Weight: w.Weight, SortKey: "key", DepartmentID: p.row.DepartmentID})
				}
			}
			if len(got) == 0 && len(want) == 0 {
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s:\n got %+v\nwant %+v", p.row.Name, got, want)
			}
		}
	}
}
