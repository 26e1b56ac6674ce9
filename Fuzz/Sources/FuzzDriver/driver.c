// Without libFuzzer (an ordinary build), the harnesses replay the files and
// folders named on the command line once each: a corpus or a crash file. With
// -sanitize=fuzzer, libFuzzer's own LLVMFuzzerRunDriver (linked whole) replaces
// this weak definition.
#include "fuzzdriver.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int replay_file(const char *path, int (*callback)(const uint8_t *, size_t)) {
    FILE *file = fopen(path, "rb");
    if (!file) { fprintf(stderr, "cannot open %s\n", path); return 1; }
    size_t capacity = 4096, size = 0;
    uint8_t *data = malloc(capacity);
    size_t got;
    while (data && (got = fread(data + size, 1, capacity - size, file)) > 0) {
        size += got;
        if (size == capacity) { capacity *= 2; data = realloc(data, capacity); }
    }
    fclose(file);
    if (!data) return 1;
    callback(data, size);
    free(data);
    return 0;
}

static int replay(const char *path, int (*callback)(const uint8_t *, size_t)) {
    struct stat info;
    if (stat(path, &info) != 0) { fprintf(stderr, "cannot open %s\n", path); return 1; }
    if (!S_ISDIR(info.st_mode)) return replay_file(path, callback);
    DIR *folder = opendir(path);
    if (!folder) return 1;
    int failures = 0;
    struct dirent *entry;
    while ((entry = readdir(folder)) != NULL) {
        if (entry->d_name[0] == '.') continue;
        char child[4096];
        snprintf(child, sizeof child, "%s/%s", path, entry->d_name);
        failures += replay(child, callback);
    }
    closedir(folder);
    return failures;
}

__attribute__((weak)) int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t)) {
    int failures = 0, files = 0;
    for (int index = 1; index < *argc; index++) {
        const char *argument = (*argv)[index];
        if (argument[0] == '-') continue;
        failures += replay(argument, callback);
        files++;
    }
    fprintf(stderr, "replayed %d path(s) without libFuzzer (build with -sanitize=fuzzer to fuzz)\n", files);
    return failures ? 1 : 0;
}
