/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordDocument: one open lab with its simulation, its file, asynchronous loading and saving, and crash recovery. */
#pragma once

#include <gio/gio.h>

#include "engine.h"
#include "sim.h"
#include "topology.h"

G_BEGIN_DECLS

/* A recovery copy left behind by a window that did not close cleanly. */
typedef struct {
  char   *id;            /* names the files: ID.pclab and ID.ini */
  char   *lab_path;      /* the recovery copy */
  char   *original;      /* the lab's own path, or NULL for an untitled lab */
  char   *title;         /* what the window called it */
  gint64  saved;         /* Unix time of the copy */
} CordRecoveryInfo;

void          cord_recovery_info_free      (CordRecoveryInfo *info);
/* Deletes the recovery copy and its sidecar. */
void          cord_recovery_info_discard   (CordRecoveryInfo *info);
/* The recovery copies in $XDG_STATE_HOME/patchcord/recovery that no running
 * Patchcord owns, newest first (CordRecoveryInfo*). */
GPtrArray    *cord_recovery_list           (void);
char         *cord_recovery_dir            (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CordRecoveryInfo, cord_recovery_info_free)

#define CORD_TYPE_DOCUMENT (cord_document_get_type ())
G_DECLARE_FINAL_TYPE (CordDocument, cord_document, CORD, DOCUMENT, GObject)

/* A new, empty and untitled lab, already running. */
CordDocument *cord_document_new            (void);

/* The topology is replaced by a load: watch notify::topology. */
CordTopology *cord_document_get_topology   (CordDocument  *self);
CordSim      *cord_document_get_sim        (CordDocument  *self);
CordEngine   *cord_document_get_engine     (CordDocument  *self);
/* The devices' consoles (CordConsoles* from ios-console.h), replaced
 * with the topology. */
gpointer      cord_document_get_consoles   (CordDocument  *self);
/* @device's console (a CordConsole*), or NULL for a device without one
 * or a document without consoles. */
gpointer      cord_document_lookup_console (CordDocument  *self,
                                            CordDevice    *device);
GFile        *cord_document_get_file       (CordDocument  *self);
/* "Untitled Lab" or the file's display name. */
const char   *cord_document_get_title      (CordDocument  *self);
/* The folder holding the file, for display ("~/Labs"), or NULL. */
char         *cord_document_dup_folder     (CordDocument  *self);
gboolean      cord_document_get_modified   (CordDocument  *self);
/* TRUE while a load or a save is running. */
gboolean      cord_document_get_busy       (CordDocument  *self);
/* A new lab nobody has touched: a window showing it may be reused. */
gboolean      cord_document_is_untouched   (CordDocument  *self);

/* Parses @file in a worker thread; on success the document shows it. */
void          cord_document_load_async     (CordDocument        *self,
                                            GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      cord_document_load_finish    (CordDocument        *self,
                                            GAsyncResult        *result,
                                            GError             **error);
/* Saves to @file, or to the document's own file when @file is NULL. The
 * bytes are taken at once; the write runs in a worker thread and is atomic. */
void          cord_document_save_async     (CordDocument        *self,
                                            GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      cord_document_save_finish    (CordDocument        *self,
                                            GAsyncResult        *result,
                                            GError             **error);

/* Loads a recovery copy: the document takes the original file (if any)
 * and stays modified until saved. */
void          cord_document_restore_async  (CordDocument        *self,
                                            CordRecoveryInfo    *info,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      cord_document_restore_finish (CordDocument        *self,
                                            GAsyncResult        *result,
                                            GError             **error);

/* The lab is closing on the user's word: its recovery copy goes, and
 * autosave stops. */
void          cord_document_close          (CordDocument        *self);

G_END_DECLS
