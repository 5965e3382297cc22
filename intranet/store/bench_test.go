package store_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/peoplegen"
	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// generatePeople makes n people with skewed surnames over 20 departments,
// one in a hundred of them partners (internal/peoplegen).
func generatePeople(n int) []intranet.PersonRecord { return peoplegen.Generate(n) }

// benchQueries are a realistic mix: common and rare surnames, first names,
// typos, prefixes, phone numbers, filters.
var benchQueries = []intranet.PersonSearch{
	{Query: "jansen"}, {Query: "de jong"}, {Query: "van den berg"}, {Query: "vandenberg"}, {Query: "huisman"},
	{Query: "anouk"}, {Query: "pieter bakker"}, {Query: "jansn"}, {Query: "mulder"}, {Query: "muller"},
	{Query: "bjorn visser"}, {Query: "berg"}, {Query: "06-10000370"}, {Query: "+31 6 1000 0740"}, {Query: "0300001234"},
	{Query: "jansen", Departments: []string{"Afdeling Zorg Oost"}}, {Query: "sanne", Skills: []string{"Wondzorg"}},
	{Query: "verpleegkundige utrecht"}, {Query: "blom"}, {Query: "zoe"},
}

var (
	benchOnce  sync.Once
	benchStore *store.Store

	// benchPeople is how many people the import and search benchmarks use:
	//	go test ./intranet/store -run '^$' -bench 'SearchPeople$' -benchtime 2000x -people 1000000
	benchPeople = flag.Int("people", 100_000, "number of generated people for the import and phonebook search benchmarks")
)

// BenchDatabaseEnv names a PostgreSQL database URL that the search
// benchmarks use instead of a fresh database. When it already holds exactly
// -people people it is used as it is (no import), so a 1 000 000-people
// phonebook is imported once and measured many times. Benchmarks only: the
// database is overwritten with generated people.
const benchDatabaseEnv = "WERKPLEK_BENCH_DATABASE"

// benchPhonebook imports -people generated people into PostgreSQL once per
// test binary, or reuses the database named by WERKPLEK_BENCH_DATABASE.
func benchPhonebook(b *testing.B) *store.Store {
	benchOnce.Do(func() {
		ctx := context.Background()
		url := os.Getenv(benchDatabaseEnv)
		if url == "" {
			url = pgtest.URL(&testing.T{})
		}
		s, err := store.Open(ctx, url)
		if err != nil {
			b.Fatal(err)
		}
		n := *benchPeople
		if have, err := s.CountPeople(ctx); err != nil {
			b.Fatal(err)
		} else if have == n {
			b.Logf("reusing the %d people in %s", n, benchDatabaseEnv)
			benchStore = s
			return
		}
		start := time.Now()
		if _, err := s.ImportPeople(ctx, generatePeople(n), false); err != nil {
			b.Fatal(err)
		}
		b.Logf("imported %d people in %s", n, time.Since(start).Round(time.Millisecond))
		benchStore = s
	})
	if benchStore == nil {
		b.Fatal("no phonebook")
	}
	return benchStore
}

// BenchmarkImportPeople measures importing 100 000 people (or -people)
// into an empty PostgreSQL database, then again into the same database
// (every person updated: another title).
//
//	go test ./intranet/store -run '^$' -bench ImportPeople -benchtime 1x
//	go test ./intranet/store -run '^$' -bench ImportPeople -benchtime 1x -people 1000000
func BenchmarkImportPeople(b *testing.B) {
	people := generatePeople(*benchPeople)
	again := make([]intranet.PersonRecord, len(people))
	for i, r := range people {
		r.Title += " B"
		again[i] = r
	}
	var first, second time.Duration
	var cpu [2][2]time.Duration // go, postgres; of the first and second import
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := open(b, "postgres")
		b.StartTimer()
		t0, go0, pg0 := time.Now(), goCPU(), postgresCPU()
		if _, err := s.ImportPeople(context.Background(), people, false); err != nil {
			b.Fatal(err)
		}
		t1, go1, pg1 := time.Now(), goCPU(), postgresCPU()
		sum, err := s.ImportPeople(context.Background(), again, false)
		if err != nil {
			b.Fatal(err)
		} else if sum.Updated != len(people) {
			b.Fatalf("re-import updated %d of %d", sum.Updated, len(people))
		}
		first, second = first+t1.Sub(t0), second+time.Since(t1)
		cpu[0][0], cpu[0][1] = cpu[0][0]+go1-go0, cpu[0][1]+pg1-pg0
		cpu[1][0], cpu[1][1] = cpu[1][0]+goCPU()-go1, cpu[1][1]+postgresCPU()-pg1
	}
	n := float64(b.N)
	b.ReportMetric(first.Seconds()/n, "insert-s")
	b.ReportMetric(second.Seconds()/n, "update-s")
	// The CPU time of the test process and of its PostgreSQL backends,
	// which a busy machine does not inflate as it does the seconds above.
	b.ReportMetric(cpu[0][0].Seconds()/n, "insert-go-cpu-s")
	b.ReportMetric(cpu[0][1].Seconds()/n, "insert-pg-cpu-s")
	b.ReportMetric(cpu[1][0].Seconds()/n, "update-go-cpu-s")
	b.ReportMetric(cpu[1][1].Seconds()/n, "update-pg-cpu-s")
}

// goCPU is the CPU time this process used so far.
func goCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// postgresCPU is the CPU time the PostgreSQL backends of the databases
// this test process made (pgtest names them t<pid>_<n>) used so far
// (Linux; 0 elsewhere). Backends that ended in between are not counted
// (the store keeps its connections open), nor the server's own processes.
func postgresCPU() time.Duration {
	dirs, _ := os.ReadDir("/proc")
	mine := fmt.Sprintf(" t%d_", os.Getpid())
	var ticks int64
	for _, d := range dirs {
		cmd, err := os.ReadFile("/proc/" + d.Name() + "/cmdline")
		if err != nil || !strings.HasPrefix(string(cmd), "postgres: ") || !strings.Contains(string(cmd), mine) {
			continue
		}
		stat, err := os.ReadFile("/proc/" + d.Name() + "/stat")
		if err != nil {
			continue
		}
		// utime and stime are fields 14 and 15; the name (field 2) has no
		// spaces here.
		f := strings.Fields(string(stat))
		if len(f) > 15 {
			u, _ := strconv.ParseInt(f[13], 10, 64)
			s, _ := strconv.ParseInt(f[14], 10, 64)
			ticks += u + s
		}
	}
	return time.Duration(ticks) * 10 * time.Millisecond // USER_HZ is 100 on Linux
}

// BenchmarkSearchPeople measures the phonebook search on PostgreSQL with
// 100 000 people over the query mix, and reports the median and p95.
//
//	go test ./intranet/store -run '^$' -bench 'SearchPeople$' -benchtime 2000x
func BenchmarkSearchPeople(b *testing.B) {
	s := benchPhonebook(b)
	ctx := context.Background()
	for _, q := range benchQueries { // warm the caches once
		if _, err := s.SearchPeople(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		res, err := s.SearchPeople(ctx, benchQueries[i%len(benchQueries)])
		durations = append(durations, time.Since(t0))
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Matches) == 0 {
			b.Fatalf("nothing found for %+v", benchQueries[i%len(benchQueries)])
		}
	}
	b.StopTimer()
	sort.Slice(durations, func(i, j int) bool { return durations[i] < durations[j] })
	b.ReportMetric(float64(durations[len(durations)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(durations[len(durations)*95/100].Microseconds())/1000, "p95-ms")
}

// BenchmarkSearchPeopleByQuery times each query of the mix on its own, to
// find the slow ones.
func BenchmarkSearchPeopleByQuery(b *testing.B) {
	s := benchPhonebook(b)
	for _, q := range benchQueries {
		name := q.Query
		if len(q.Departments)+len(q.Skills) > 0 {
			name += "+filter"
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.SearchPeople(context.Background(), q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
