package feature

import "github.com/werkplek/werkplek/intranet"

// Jobs is the job runner as a unit sees it: the unit registers the
// handlers of its job kinds when it is built, and schedules them.
type Jobs interface {
	intranet.JobRegistry
	intranet.Scheduler
}
