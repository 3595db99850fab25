/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internals shared by the topology's files: the object, device building and the undo history. */
#pragma once

#include "topology.h"

G_BEGIN_DECLS

typedef struct _CordOp CordOp;

typedef struct {
  GPtrArray *ops;       /* CordOp*, applied in reverse order to undo */
  char      *label;
  guint      serial;    /* identifies the state the group leads to */
} CordHistoryGroup;

struct _CordTopology {
  GObject      parent_instance;

  CordCatalog *catalog;
  GPtrArray   *devices;          /* CordDevice*, in lab order */
  GHashTable  *device_by_name;
  GHashTable  *device_by_id;
  GPtrArray   *links;            /* CordLink* */
  GHashTable  *link_by_id;
  GPtrArray   *notes;            /* CordNote* */
  GHashTable  *name_hints;       /* prefix -> next index to try */
  guint        next_device_id;
  guint        next_link_id;
  guint        next_note_id;
  guint64      next_mac;

  GPtrArray        *undo;        /* CordHistoryGroup* */
  GPtrArray        *redo;
  CordHistoryGroup *open_group;
  guint             group_depth;
  guint             next_serial;
  guint             saved_serial;
  gboolean          recording;   /* FALSE while a lab is being loaded */

  CordCommandRunner runner;      /* cord_topology_configure() */
  gpointer          runner_data;
};

enum {
  SIGNAL_DEVICE_ADDED,
  SIGNAL_DEVICE_REMOVED,
  SIGNAL_DEVICE_CHANGED,
  SIGNAL_LINK_ADDED,
  SIGNAL_LINK_REMOVED,
  SIGNAL_LINK_CHANGED,
  SIGNAL_NOTE_ADDED,
  SIGNAL_NOTE_REMOVED,
  SIGNAL_NOTE_CHANGED,
  SIGNAL_PORT_ADDED,
  SIGNAL_PORT_REMOVED,
  SIGNAL_HISTORY_CHANGED,
  N_SIGNALS
};

extern guint _cord_topology_signals[N_SIGNALS];

/* Building blocks the operations use; none records history. */
CordDevice *_cord_topology_build_device   (CordTopology          *self,
                                           const CordDeviceState *state,
                                           guint                  index,
                                           GError               **error);
/* @index is the device's position in self->devices. */
void        _cord_topology_destroy_device (CordTopology          *self,
                                           CordDevice            *device,
                                           guint                  index);
gboolean    _cord_device_insert_module    (CordDevice            *device,
                                           const char            *slot,
                                           const char            *module,
                                           guint64                mac_base,
                                           GError               **error);
void        _cord_device_remove_module    (CordDevice            *device,
                                           const char            *slot);
void        _cord_topology_update_links   (CordTopology          *self,
                                           CordDevice            *device);
CordLink   *_cord_topology_make_link      (CordTopology          *self,
                                           guint                  id,
                                           guint                  index,
                                           CordPort              *a,
                                           CordPort              *b,
                                           CordCable              cable,
                                           GError               **error);
void        _cord_topology_destroy_link   (CordTopology          *self,
                                           CordLink              *link,
                                           guint                  index);
/* Loading builds without undo records; the history starts empty. */
void        _cord_topology_set_recording  (CordTopology          *self,
                                           gboolean               recording);
gboolean    _cord_check_position          (double                 x,
                                           double                 y,
                                           GError               **error);
gboolean    _cord_check_text              (const char            *text,
                                           gsize                  limit,
                                           const char            *what,
                                           GError               **error);
/* A device name stopped being used: its number may be handed out again. */
void        _cord_topology_name_freed     (CordTopology          *self,
                                           const char            *name);
void        _cord_history_group_free      (CordHistoryGroup      *group);

G_END_DECLS
