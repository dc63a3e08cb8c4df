/* The multiboot header and the first instructions of DockOS.
 * Flags: bit 1 asks the loader for a memory map; bit 16 says the addresses below are
 * valid, so a flat binary (no ELF) can be loaded: v86 and GRUB both honour it. */
#define MB_MAGIC 0x1BADB002
#define MB_FLAGS 0x00010002

.section .multiboot, "a"
.align 4
mb_header:
  .long MB_MAGIC
  .long MB_FLAGS
  .long -(MB_MAGIC + MB_FLAGS)
  .long mb_header      /* header_addr */
  .long _load_start    /* load_addr */
  .long _load_end      /* load_end_addr */
  .long _bss_end       /* bss_end_addr */
  .long _start         /* entry_addr */

.section .text
.global _start
_start:
  /* The loader leaves interrupts off and no stack: read the TSC first (the boot's own
   * clock), then set up a stack and hand eax (magic), ebx (info) and the TSC to C. */
  mov %eax, %esi
  rdtsc
  mov %eax, tsc_at_entry
  mov %edx, tsc_at_entry + 4
  mov $stack_top, %esp
  /* Our own GDT and IDT: an interrupt reloads CS from a descriptor, and the loader left none. */
  lgdt gdt_ptr
  ljmp $0x08, $1f
1:
  mov $0x10, %ecx
  mov %ecx, %ds
  mov %ecx, %es
  mov %ecx, %ss
  call idt_init
  push %ebx
  push %esi
  call kmain
halt:
  cli
  hlt
  jmp halt

/* COM1's interrupt (IRQ 4, vector 0x24): only wakes the CPU from hlt; the shell reads the byte. */
.global irq_com1
irq_com1:
  push %eax
  mov $0x20, %al
  out %al, $0x20 /* end of interrupt, to the PIC */
  pop %eax
  iret

.section .rodata
.align 8
gdt:
  .quad 0
  .quad 0x00CF9A000000FFFF /* 0x08: code, flat 4 GiB */
  .quad 0x00CF92000000FFFF /* 0x10: data, flat 4 GiB */
gdt_ptr:
  .word gdt_ptr - gdt - 1
  .long gdt

.section .bss
.align 16
.global tsc_at_entry
tsc_at_entry: .skip 8
stack: .skip 16384
stack_top:

/* no executable stack */
.section .note.GNU-stack, "", @progbits
