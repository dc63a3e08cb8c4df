/* The TSC counts CPU ticks from power-on but its rate is unknown; the PIT counts at a rate
 * fixed by the PC (1193182 Hz). Counting both over 20 ms of PIT ticks gives the TSC's rate,
 * the way Linux calibrates it (arch/x86/kernel/tsc.c, pit_calibrate_tsc). */
#include "clock.h"

#define PIT_HZ 1193182u
#define PIT_CH0 0x40
#define PIT_CMD 0x43

static u32 tsc_khz = 1;

static u16 pit_read(void) {
  outb(PIT_CMD, 0x00); /* latch channel 0 */
  u8 lo = inb(PIT_CH0);
  u8 hi = inb(PIT_CH0);
  return (u16)(lo | (hi << 8));
}

u32 clock_calibrate(void) {
  outb(PIT_CMD, 0x34); /* channel 0, lo/hi byte, mode 2 (rate generator): counts down by one */
  outb(PIT_CH0, 0);
  outb(PIT_CH0, 0); /* reload 65536 */
  const u32 want = PIT_HZ / 50; /* 20 ms */
  u16 last = pit_read();
  u64 t0 = rdtsc();
  u32 elapsed = 0;
  while (elapsed < want) {
    u16 now = pit_read();
    elapsed += (u16)(last - now); /* wraps through the reload */
    last = now;
  }
  u64 ticks = rdtsc() - t0;
  tsc_khz = (u32)(ticks * PIT_HZ / elapsed / 1000);
  if (!tsc_khz) tsc_khz = 1;
  return tsc_khz;
}

u64 clock_tenths_ms(u64 ticks) {
  return ticks * 10 / tsc_khz;
}
