/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lab files (.pclab): strict loading from XML and atomic saving. */
#pragma once

#include "topology.h"

G_BEGIN_DECLS

#define CORD_LAB_FORMAT_VERSION 1

/* Builds a topology from lab XML. @filename only names the source in error
 * messages ("FILE:LINE: what is wrong"). Nothing is kept on failure. */
CordTopology *cord_lab_load_data  (CordCatalog   *catalog,
                                   const char    *data,
                                   gsize          len,
                                   const char    *filename,
                                   GError       **error);
CordTopology *cord_lab_load_file  (CordCatalog   *catalog,
                                   const char    *path,
                                   GError       **error);
/* The lab as XML; the same topology always gives the same bytes. */
GBytes       *cord_lab_to_bytes   (CordTopology  *topology);
/* Writes a temporary file beside @path, syncs it and renames it over
 * @path, so a failure at any step leaves the old file as it was. */
gboolean      cord_lab_save_file  (CordTopology  *topology,
                                   const char    *path,
                                   GError       **error);
gboolean      cord_lab_write_atomic (const char  *path,
                                   GBytes        *bytes,
                                   GError       **error);

/* For tests only: the steps of cord_lab_write_atomic(), in order. */
typedef enum {
  CORD_SAVE_STEP_CREATE,      /* create the temporary file */
  CORD_SAVE_STEP_WRITE,       /* each write() of its contents */
  CORD_SAVE_STEP_FSYNC,
  CORD_SAVE_STEP_CLOSE,
  CORD_SAVE_STEP_RENAME,      /* over the target */
  CORD_SAVE_STEP_SYNC_DIR,
} CordSaveStep;

/* For tests only: @hook runs just before each step. Returning 0 lets the
 * step run; an errno value makes the step fail as if the system call had
 * failed with it (a failure of CORD_SAVE_STEP_SYNC_DIR is ignored, as a
 * real one is). NULL removes the hook. */
typedef int (*CordSaveHook) (CordSaveStep step,
                             gpointer     data);
void          _cord_lab_set_save_hook (CordSaveHook  hook,
                                   gpointer      data);

G_END_DECLS
