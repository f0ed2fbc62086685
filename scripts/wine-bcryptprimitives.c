/* For the Windows archive's check under Wine only; never shipped.
 * Rust's standard library (1.78 and later) draws random numbers with ProcessPrng from
 * bcryptprimitives.dll, which every supported Windows has but Debian 12's Wine 8 does
 * not. This stand-in, placed beside briques.exe in the test's folder, answers it with
 * RtlGenRandom (advapi32's SystemFunction036), which Wine has. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
  while (length > 0) {
    ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
    if (!SystemFunction036(data, chunk)) return FALSE;
    data += chunk;
    length -= chunk;
  }
  return TRUE;
}
