#ifndef LIAISON_CSQLITE_SHIM_H
#define LIAISON_CSQLITE_SHIM_H
#define _XOPEN_SOURCE 700
#define _XOPEN_SOURCE_EXTENDED 1
#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast of -1 to a function pointer, which Swift cannot import.
static inline sqlite3_destructor_type liaison_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}
#endif
