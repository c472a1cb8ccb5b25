#ifndef LIAISON_CCRYPT_SHIM_H
#define LIAISON_CCRYPT_SHIM_H
#define _XOPEN_SOURCE 700
#define _XOPEN_SOURCE_EXTENDED 1
#include <crypt.h>
#endif
