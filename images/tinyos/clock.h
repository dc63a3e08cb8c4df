/* DockOS's clock: the CPU's time-stamp counter, its rate measured against the PIT. */
#ifndef DOCKOS_CLOCK_H
#define DOCKOS_CLOCK_H
#include "io.h"
extern u64 tsc_at_entry; /* read by the first instruction (boot.S) */
u32 clock_calibrate(void); /* returns the TSC rate in kHz */
u64 clock_tenths_ms(u64 ticks); /* TSC ticks → tenths of a millisecond */
#endif
