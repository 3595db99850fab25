/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reversible edits to the topology and the undo history that records them. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "cord-limits.h"
#include "topology-private.h"

typedef enum {
  OP_ADD_DEVICE,
  OP_REMOVE_DEVICE,
  OP_MOVE_DEVICE,
  OP_RENAME_DEVICE,
  OP_SET_POWER,
  OP_INSERT_MODULE,
  OP_REMOVE_MODULE,
  OP_SET_CONFIG,
  OP_SET_HOST,
  OP_CONNECT,
  OP_DISCONNECT,
  OP_ADD_NOTE,
  OP_REMOVE_NOTE,
  OP_EDIT_NOTE,
  OP_CONFIGURE,
} OpKind;

/* A device snapshot that owns its strings. */
typedef struct {
  CordDeviceState  state;
  GPtrArray       *strings;
} OwnedState;

/* One reversible edit. Applying an op yields the op that undoes it. */
struct _CordOp {
  OpKind      kind;
  guint       id;          /* device, link or note */
  guint       index;       /* position to restore in its list */
  double      x, y;
  gboolean    flag;        /* power, config kind, has_restore */
  guint64     mac;
  char       *str;         /* name, slot, text, config */
  char       *str2;        /* module, port */
  guint       id_a;        /* first device of a link */
  guint       id_b;        /* second device of a link */
  char       *port_b;
  CordCable   cable;
  CordHostIp  host;
  OwnedState *state;
};

static void
owned_state_free (OwnedState *owned)
{
  if (owned == NULL)
    return;
  g_ptr_array_unref (owned->strings);
  g_free (owned->state.modules);
  g_free (owned);
}

static const char *
owned_dup (OwnedState *owned,
           const char *str)
{
  char *copy = g_strdup (str);

  if (copy != NULL)
    g_ptr_array_add (owned->strings, copy);
  return copy;
}

static OwnedState *
owned_state_copy (const CordDeviceState *state)
{
  OwnedState *owned = g_new0 (OwnedState, 1);

  owned->strings = g_ptr_array_new_with_free_func (g_free);
  owned->state = *state;
  owned->state.model = owned_dup (owned, state->model);
  owned->state.name = owned_dup (owned, state->name);
  owned->state.startup_config = owned_dup (owned, state->startup_config);
  owned->state.running_config = owned_dup (owned, state->running_config);
  owned->state.vlan_database = owned_dup (owned, state->vlan_database);
  owned->state.modules = g_new0 (CordModuleState, state->n_modules);
  for (guint i = 0; i < state->n_modules; i++)
    {
      owned->state.modules[i].slot = owned_dup (owned, state->modules[i].slot);
      owned->state.modules[i].module = owned_dup (owned, state->modules[i].module);
      owned->state.modules[i].mac_base = state->modules[i].mac_base;
    }
  return owned;
}

/* Everything that rebuilds @device exactly, MACs and id included. */
static OwnedState *
owned_state_capture (CordDevice *device)
{
  CordDeviceState state = { 0 };
  g_autofree CordModuleState *modules = g_new0 (CordModuleState, device->modules->len);

  state.id = device->id;
  state.model = device->model->name;
  state.name = device->name;
  state.x = device->x;
  state.y = device->y;
  state.powered = device->powered;
  state.mac_base = device->mac_base;
  state.startup_config = device->startup_config;
  state.running_config = device->running_config;
  state.vlan_database = device->vlan_database;
  state.host = device->host;
  for (guint i = 0; i < device->modules->len; i++)
    {
      const CordInstalledModule *m = &g_array_index (device->modules, CordInstalledModule, i);

      modules[i].slot = m->slot;
      modules[i].module = m->module->name;
      modules[i].mac_base = m->mac_base;
    }
  state.modules = modules;
  state.n_modules = device->modules->len;
  return owned_state_copy (&state);
}

static CordOp *
op_new (OpKind kind,
        guint  id)
{
  CordOp *op = g_new0 (CordOp, 1);

  op->kind = kind;
  op->id = id;
  return op;
}

static void
op_free (CordOp *op)
{
  if (op == NULL)
    return;
  g_free (op->str);
  g_free (op->str2);
  g_free (op->port_b);
  owned_state_free (op->state);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CordOp, op_free)

void
_cord_history_group_free (CordHistoryGroup *group)
{
  if (group == NULL)
    return;
  g_ptr_array_unref (group->ops);
  g_free (group->label);
  g_free (group);
}

static CordHistoryGroup *
group_new (const char *label,
           guint       serial)
{
  CordHistoryGroup *group = g_new0 (CordHistoryGroup, 1);

  group->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  group->label = g_strdup (label);
  group->serial = serial;
  return group;
}

static CordDevice *
need_device (CordTopology  *self,
             guint          id,
             GError       **error)
{
  CordDevice *device = g_hash_table_lookup (self->device_by_id, GUINT_TO_POINTER (id));

  if (device == NULL)
    g_set_error (error, CORD_ERROR, CORD_ERROR_UNKNOWN_DEVICE,
                 _("The device this change refers to no longer exists"));
  return device;
}

static CordNote *
find_note (CordTopology *self,
           guint         id,
           guint        *index)
{
  for (guint i = 0; i < self->notes->len; i++)
    if (((CordNote *) self->notes->pdata[i])->id == id)
      {
        if (index != NULL)
          *index = i;
        return self->notes->pdata[i];
      }
  return NULL;
}

static void
emit_device_changed (CordTopology     *self,
                     CordDevice       *device,
                     CordDeviceChange  what)
{
  g_signal_emit (self, _cord_topology_signals[SIGNAL_DEVICE_CHANGED], 0, device, (guint) what);
}

/* Applies @op and returns the op that undoes it, or NULL with @error set
 * and the topology unchanged. */
static CordOp *
op_apply (CordTopology  *self,
          CordOp        *op,
          GError       **error)
{
  CordDevice *device = NULL;
  CordOp *inverse;

  g_assert (CORD_IS_TOPOLOGY (self));

  switch (op->kind)
    {
    case OP_ADD_DEVICE:
      device = _cord_topology_build_device (self, &op->state->state, op->index, error);
      if (device == NULL)
        return NULL;
      return op_new (OP_REMOVE_DEVICE, device->id);

    case OP_REMOVE_DEVICE:
      if ((device = need_device (self, op->id, error)) == NULL)
        return NULL;
      for (guint i = 0; i < device->ports->len; i++)
        if (((CordPort *) device->ports->pdata[i])->link != NULL)
          {
            g_set_error (error, CORD_ERROR, CORD_ERROR_BUSY,
                         _("%s still has cables attached"), device->name);
            return NULL;
          }
      inverse = op_new (OP_ADD_DEVICE, device->id);
      inverse->state = owned_state_capture (device);
      g_ptr_array_find (self->devices, device, &inverse->index);
      _cord_topology_destroy_device (self, device, inverse->index);
      return inverse;

    case OP_MOVE_DEVICE:
      if ((device = need_device (self, op->id, error)) == NULL ||
          !_cord_check_position (op->x, op->y, error))
        return NULL;
      inverse = op_new (OP_MOVE_DEVICE, device->id);
      inverse->x = device->x;
      inverse->y = device->y;
      device->x = op->x;
      device->y = op->y;
      emit_device_changed (self, device, CORD_DEVICE_CHANGED_POSITION);
      return inverse;

    case OP_RENAME_DEVICE:
      if ((device = need_device (self, op->id, error)) == NULL ||
          !cord_name_is_valid (op->str, error))
        return NULL;
      if (strcmp (device->name, op->str) != 0 &&
          g_hash_table_contains (self->device_by_name, op->str))
        {
          g_set_error (error, CORD_ERROR, CORD_ERROR_EXISTS,
                       _("A device called “%s” already exists; choose another name"),
                       op->str);
          return NULL;
        }
      inverse = op_new (OP_RENAME_DEVICE, device->id);
      inverse->str = g_steal_pointer (&device->name);
      g_hash_table_remove (self->device_by_name, inverse->str);
      _cord_topology_name_freed (self, inverse->str);
      device->name = g_strdup (op->str);
      g_hash_table_insert (self->device_by_name, device->name, device);
      emit_device_changed (self, device, CORD_DEVICE_CHANGED_NAME);
      return inverse;

    case OP_SET_POWER:
      if ((device = need_device (self, op->id, error)) == NULL)
        return NULL;
      inverse = op_new (OP_SET_POWER, device->id);
      inverse->flag = device->powered;
      /* Undo must bring back the running-config a power cycle lost. */
      inverse->str = g_strdup (device->running_config);
      inverse->str2 = g_strdup ("restore");
      device->powered = op->flag;
      if (cord_kind_has_ios (device->model->kind))
        {
          g_free (device->running_config);
          if (op->str2 != NULL)
            device->running_config = g_strdup (op->str);
          else if (device->powered)
            /* Booting replays the startup-config. */
            device->running_config = g_strdup (device->startup_config);
          else
            device->running_config = NULL;
        }
      _cord_topology_update_links (self, device);
      emit_device_changed (self, device, CORD_DEVICE_CHANGED_POWER | CORD_DEVICE_CHANGED_CONFIG);
      return inverse;

    case OP_INSERT_MODULE:
      if ((device = need_device (self, op->id, error)) == NULL)
        return NULL;
      if (device->powered)
        {
          g_set_error (error, CORD_ERROR, CORD_ERROR_POWERED,
                       _("%s is powered on. Power it off before you insert or "
                         "remove a module."), device->name);
          return NULL;
        }
      if (!_cord_device_insert_module (device, op->str, op->str2, op->mac, error))
        return NULL;
      inverse = op_new (OP_REMOVE_MODULE, device->id);
      inverse->str = g_strdup (op->str);
      emit_device_changed (self, device, CORD_DEVICE_CHANGED_MODULES);
      return inverse;

    case OP_REMOVE_MODULE:
      {
        const CordInstalledModule *installed;

        if ((device = need_device (self, op->id, error)) == NULL)
          return NULL;
        if (device->powered)
          {
            g_set_error (error, CORD_ERROR, CORD_ERROR_POWERED,
                         _("%s is powered on. Power it off before you insert or "
                           "remove a module."), device->name);
            return NULL;
          }
        installed = cord_device_get_module (device, op->str);
        if (installed == NULL)
          {
            g_set_error (error, CORD_ERROR, CORD_ERROR_SLOT,
                         _("Slot %s of %s is empty"), op->str, device->name);
            return NULL;
          }
        for (guint s = 0; s < installed->module->n_slots; s++)
          if (cord_device_get_module (device, installed->module->slots[s].id) != NULL)
            {
              g_set_error (error, CORD_ERROR, CORD_ERROR_SLOT,
                           _("%s holds other modules; remove them first"),
                           installed->module->name);
              return NULL;
            }
        for (guint i = 0; i < device->ports->len; i++)
          {
            CordPort *port = device->ports->pdata[i];

            if (port->slot == installed->slot && port->link != NULL)
              {
                g_set_error (error, CORD_ERROR, CORD_ERROR_BUSY,
                             _("%s on %s has a cable attached; remove it first"),
                             port->name, device->name);
                return NULL;
              }
          }
        inverse = op_new (OP_INSERT_MODULE, device->id);
        inverse->str = g_strdup (op->str);
        inverse->str2 = g_strdup (installed->module->name);
        inverse->mac = installed->mac_base;
        _cord_device_remove_module (device, op->str);
        emit_device_changed (self, device, CORD_DEVICE_CHANGED_MODULES);
        return inverse;
      }

    case OP_SET_CONFIG:
      {
        char **field;

        if ((device = need_device (self, op->id, error)) == NULL)
          return NULL;
        if (!cord_kind_has_ios (device->model->kind))
          {
            g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                         _("%s (%s) has no IOS configuration"), device->name,
                         device->model->name);
            return NULL;
          }
        if (!_cord_check_text (op->str, CORD_LIMIT_CONFIG_BYTES, _("configuration"), error))
          return NULL;
        if (op->flag == CORD_CONFIG_VLAN_DATABASE && !cord_kind_has_vlans (device->model->kind))
          {
            g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                         _("%s (%s) has no VLAN database"), device->name,
                         device->model->name);
            return NULL;
          }
        field = op->flag == CORD_CONFIG_STARTUP ? &device->startup_config
              : op->flag == CORD_CONFIG_RUNNING ? &device->running_config
              : &device->vlan_database;
        inverse = op_new (OP_SET_CONFIG, device->id);
        inverse->flag = op->flag;
        inverse->str = g_steal_pointer (field);
        *field = g_strdup (op->str);
        emit_device_changed (self, device, CORD_DEVICE_CHANGED_CONFIG);
        return inverse;
      }

    case OP_SET_HOST:
      if ((device = need_device (self, op->id, error)) == NULL)
        return NULL;
      if (!cord_kind_is_host (device->model->kind))
        {
          g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                       _("%s (%s) is not an end device; configure its "
                         "interfaces instead"), device->name, device->model->name);
          return NULL;
        }
      inverse = op_new (OP_SET_HOST, device->id);
      inverse->host = device->host;
      device->host = op->host;
      emit_device_changed (self, device, CORD_DEVICE_CHANGED_HOST);
      return inverse;

    case OP_CONNECT:
      {
        CordDevice *db;
        CordPort *pa, *pb;
        CordLink *link;

        if ((device = need_device (self, op->id_a, error)) == NULL ||
            (db = need_device (self, op->id_b, error)) == NULL)
          return NULL;
        pa = cord_device_find_port (device, op->str2);
        pb = cord_device_find_port (db, op->port_b);
        if (pa == NULL || pb == NULL)
          {
            g_set_error (error, CORD_ERROR, CORD_ERROR_UNKNOWN_PORT,
                         _("The port this change refers to no longer exists"));
            return NULL;
          }
        link = _cord_topology_make_link (self, op->id, op->index, pa, pb, op->cable, error);
        if (link == NULL)
          return NULL;
        return op_new (OP_DISCONNECT, link->id);
      }

    case OP_DISCONNECT:
      {
        CordLink *link = g_hash_table_lookup (self->link_by_id, GUINT_TO_POINTER (op->id));

        if (link == NULL)
          {
            g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                         _("The cable this change refers to no longer exists"));
            return NULL;
          }
        inverse = op_new (OP_CONNECT, link->id);
        inverse->id_a = link->ends[0]->device->id;
        inverse->str2 = g_strdup (link->ends[0]->name);
        inverse->id_b = link->ends[1]->device->id;
        inverse->port_b = g_strdup (link->ends[1]->name);
        inverse->cable = link->cable;
        g_ptr_array_find (self->links, link, &inverse->index);
        _cord_topology_destroy_link (self, link, inverse->index);
        return inverse;
      }

    case OP_ADD_NOTE:
      {
        CordNote *note;

        if (self->notes->len >= CORD_LIMIT_NOTES)
          {
            g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                         _("A lab can hold at most %u notes"), CORD_LIMIT_NOTES);
            return NULL;
          }
        if (!_cord_check_position (op->x, op->y, error) ||
            !_cord_check_text (op->str, CORD_LIMIT_NOTE_BYTES, _("note"), error))
          return NULL;
        note = g_new0 (CordNote, 1);
        note->id = op->id != 0 ? op->id : self->next_note_id;
        self->next_note_id = MAX (self->next_note_id, note->id + 1);
        note->x = op->x;
        note->y = op->y;
        note->text = g_strdup (op->str != NULL ? op->str : "");
        g_ptr_array_insert (self->notes, MIN (op->index, self->notes->len), note);
        g_signal_emit (self, _cord_topology_signals[SIGNAL_NOTE_ADDED], 0, note);
        return op_new (OP_REMOVE_NOTE, note->id);
      }

    case OP_REMOVE_NOTE:
      {
        guint index;
        CordNote *note = find_note (self, op->id, &index);

        if (note == NULL)
          {
            g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                         _("The note this change refers to no longer exists"));
            return NULL;
          }
        inverse = op_new (OP_ADD_NOTE, note->id);
        inverse->x = note->x;
        inverse->y = note->y;
        inverse->str = g_strdup (note->text);
        inverse->index = index;
        g_signal_emit (self, _cord_topology_signals[SIGNAL_NOTE_REMOVED], 0, note);
        g_ptr_array_remove_index (self->notes, index);
        g_free (note->text);
        g_free (note);
        return inverse;
      }

    case OP_EDIT_NOTE:
      {
        CordNote *note = find_note (self, op->id, NULL);

        if (note == NULL)
          {
            g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                         _("The note this change refers to no longer exists"));
            return NULL;
          }
        if (!_cord_check_position (op->x, op->y, error) ||
            !_cord_check_text (op->str, CORD_LIMIT_NOTE_BYTES, _("note"), error))
          return NULL;
        inverse = op_new (OP_EDIT_NOTE, note->id);
        inverse->x = note->x;
        inverse->y = note->y;
        inverse->str = g_steal_pointer (&note->text);
        note->x = op->x;
        note->y = op->y;
        note->text = g_strdup (op->str != NULL ? op->str : "");
        g_signal_emit (self, _cord_topology_signals[SIGNAL_NOTE_CHANGED], 0, note);
        return inverse;
      }

    case OP_CONFIGURE:
      if ((device = need_device (self, op->id, error)) == NULL)
        return NULL;
      if (self->runner == NULL)
        {
          g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                       _("%s cannot run configuration commands here: no device "
                         "simulation is running"), device->name);
          return NULL;
        }
      if (!self->runner (self, device, op->str, self->runner_data, error))
        {
          /* The lines before the refused one ran: the inverse puts back
           * the state they changed. */
          if (op->str2 != NULL)
            self->runner (self, device, op->str2, self->runner_data, NULL);
          return NULL;
        }
      inverse = op_new (OP_CONFIGURE, device->id);
      inverse->str = g_strdup (op->str2);
      inverse->str2 = g_strdup (op->str);
      return inverse;

    default:
      g_assert_not_reached ();
    }
}

static guint
state_serial (CordTopology *self)
{
  if (self->undo->len == 0)
    return 0;
  return ((CordHistoryGroup *) self->undo->pdata[self->undo->len - 1])->serial;
}

static void
emit_history_changed (CordTopology *self)
{
  g_signal_emit (self, _cord_topology_signals[SIGNAL_HISTORY_CHANGED], 0);
}

/* Applies @op, consuming it, and records its inverse for undo. */
static gboolean
run_op (CordTopology  *self,
        CordOp        *op,
        const char    *label,
        GError       **error)
{
  g_autoptr(CordOp) owned = op;
  CordOp *inverse = op_apply (self, owned, error);

  if (inverse == NULL)
    return FALSE;

  if (self->open_group != NULL)
    g_ptr_array_add (self->open_group->ops, inverse);
  else
    {
      CordHistoryGroup *group = group_new (label, self->next_serial++);

      g_ptr_array_add (group->ops, inverse);
      g_ptr_array_add (self->undo, group);
      g_ptr_array_set_size (self->redo, 0);
      emit_history_changed (self);
    }
  return TRUE;
}

/* Undoes what the open group recorded after @mark, for a compound edit
 * that failed half-way: the model ends as it was before the edit. */
static void
rollback_to (CordTopology *self,
             guint         mark)
{
  GPtrArray *ops = self->open_group->ops;

  g_assert (mark <= ops->len);
  for (guint i = ops->len; i-- > mark;)
    op_free (op_apply (self, ops->pdata[i], NULL));
  g_ptr_array_set_size (ops, mark);
}

void
cord_topology_begin_group (CordTopology *self,
                           const char   *label)
{
  g_return_if_fail (CORD_IS_TOPOLOGY (self));

  if (self->group_depth++ == 0)
    self->open_group = group_new (label, self->next_serial++);
}

void
cord_topology_end_group (CordTopology *self)
{
  CordHistoryGroup *group;

  g_return_if_fail (CORD_IS_TOPOLOGY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;
  group = g_steal_pointer (&self->open_group);
  if (group->ops->len == 0)
    {
      _cord_history_group_free (group);
      return;
    }
  g_ptr_array_add (self->undo, group);
  g_ptr_array_set_size (self->redo, 0);
  emit_history_changed (self);
}

gboolean
cord_topology_can_undo (CordTopology *self)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  return self->undo->len > 0 && self->group_depth == 0;
}

gboolean
cord_topology_can_redo (CordTopology *self)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  return self->redo->len > 0 && self->group_depth == 0;
}

const char *
cord_topology_get_undo_label (CordTopology *self)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), NULL);
  if (self->undo->len == 0)
    return NULL;
  return ((CordHistoryGroup *) self->undo->pdata[self->undo->len - 1])->label;
}

const char *
cord_topology_get_redo_label (CordTopology *self)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), NULL);
  if (self->redo->len == 0)
    return NULL;
  return ((CordHistoryGroup *) self->redo->pdata[self->redo->len - 1])->label;
}

/* Moves the top group of @from to @to, applying its ops last-first and
 * keeping their inverses, so undo and redo are the same walk. */
static gboolean
replay_group (CordTopology  *self,
              GPtrArray     *from,
              GPtrArray     *to,
              GError       **error)
{
  CordHistoryGroup *group = g_ptr_array_steal_index (from, from->len - 1);
  CordHistoryGroup *back = group_new (group->label, group->serial);

  for (guint i = group->ops->len; i-- > 0;)
    {
      CordOp *inverse = op_apply (self, group->ops->pdata[i], error);

      if (inverse == NULL)
        {
          /* Put back what was already replayed; the step is then dropped,
           * since it no longer matches the model. */
          for (guint j = back->ops->len; j-- > 0;)
            op_free (op_apply (self, back->ops->pdata[j], NULL));
          _cord_history_group_free (group);
          _cord_history_group_free (back);
          emit_history_changed (self);
          return FALSE;
        }
      g_ptr_array_add (back->ops, inverse);
    }
  _cord_history_group_free (group);
  g_ptr_array_add (to, back);
  emit_history_changed (self);
  return TRUE;
}

gboolean
cord_topology_undo (CordTopology  *self,
                    GError       **error)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  g_return_val_if_fail (cord_topology_can_undo (self), FALSE);

  if (!replay_group (self, self->undo, self->redo, error))
    return FALSE;
  /* The redo group leads back to the state before the undo. */
  return TRUE;
}

gboolean
cord_topology_redo (CordTopology  *self,
                    GError       **error)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  g_return_val_if_fail (cord_topology_can_redo (self), FALSE);

  return replay_group (self, self->redo, self->undo, error);
}

void
cord_topology_clear_history (CordTopology *self)
{
  g_return_if_fail (CORD_IS_TOPOLOGY (self));
  g_return_if_fail (self->group_depth == 0);

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->saved_serial = 0;
  emit_history_changed (self);
}

gboolean
cord_topology_is_modified (CordTopology *self)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  return state_serial (self) != self->saved_serial;
}

void
cord_topology_mark_saved (CordTopology *self)
{
  g_return_if_fail (CORD_IS_TOPOLOGY (self));
  self->saved_serial = state_serial (self);
  emit_history_changed (self);
}

/* The public edits. */

CordDevice *
cord_topology_add_device_state (CordTopology           *self,
                                const CordDeviceState  *state,
                                GError                **error)
{
  CordOp *op;
  guint before;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), NULL);
  g_return_val_if_fail (state != NULL, NULL);

  if (!self->recording)
    return _cord_topology_build_device (self, state, G_MAXUINT, error);
  op = op_new (OP_ADD_DEVICE, state->id);
  op->state = owned_state_copy (state);
  op->index = G_MAXUINT;
  before = self->devices->len;
  if (!run_op (self, op, _("Add Device"), error))
    return NULL;
  g_assert (self->devices->len == before + 1);
  return self->devices->pdata[before];
}

CordDevice *
cord_topology_add_device (CordTopology  *self,
                          const char    *model,
                          const char    *name,
                          double         x,
                          double         y,
                          GError       **error)
{
  CordDeviceState state = { 0 };

  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), NULL);
  g_return_val_if_fail (model != NULL, NULL);

  state.model = model;
  state.name = name;
  state.x = x;
  state.y = y;
  state.powered = TRUE;
  state.default_modules = TRUE;
  return cord_topology_add_device_state (self, &state, error);
}

gboolean
cord_topology_remove_device (CordTopology  *self,
                             CordDevice    *device,
                             GError       **error)
{
  gboolean ok = TRUE;
  guint mark;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  g_return_val_if_fail (device != NULL && device->topology == self, FALSE);

  /* A device takes its cables with it, as one undo step. */
  cord_topology_begin_group (self, _("Delete Device"));
  mark = self->open_group->ops->len;
  for (guint i = 0; ok && i < device->ports->len; i++)
    {
      CordLink *link = ((CordPort *) device->ports->pdata[i])->link;

      if (link != NULL)
        ok = run_op (self, op_new (OP_DISCONNECT, link->id), NULL, error);
    }
  if (ok)
    ok = run_op (self, op_new (OP_REMOVE_DEVICE, device->id), NULL, error);
  if (!ok)
    rollback_to (self, mark);
  cord_topology_end_group (self);
  return ok;
}

gboolean
cord_topology_move_device (CordTopology  *self,
                           CordDevice    *device,
                           double         x,
                           double         y,
                           GError       **error)
{
  CordOp *op;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  g_return_val_if_fail (device != NULL && device->topology == self, FALSE);

  op = op_new (OP_MOVE_DEVICE, device->id);
  op->x = x;
  op->y = y;
  return run_op (self, op, _("Move Device"), error);
}

gboolean
cord_topology_rename_device (CordTopology  *self,
                             CordDevice    *device,
                             const char    *name,
                             GError       **error)
{
  CordOp *op;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  g_return_val_if_fail (device != NULL && device->topology == self, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  op = op_new (OP_RENAME_DEVICE, device->id);
  op->str = g_strdup (name);
  return run_op (self, op, _("Rename Device"), error);
}

gboolean
cord_topology_set_power (CordTopology  *self,
                         CordDevice    *device,
                         gboolean       powered,
                         GError       **error)
{
  CordOp *op;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  g_return_val_if_fail (device != NULL && device->topology == self, FALSE);

  if (!device->powered == !powered)
    return TRUE;
  op = op_new (OP_SET_POWER, device->id);
  op->flag = powered;
  return run_op (self, op, powered ? _("Power On") : _("Power Off"), error);
}

gboolean
cord_topology_insert_module (CordTopology  *self,
                             CordDevice    *device,
                             const char    *slot,
                             const char    *module,
                             GError       **error)
{
  CordOp *op;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  g_return_val_if_fail (device != NULL && device->topology == self, FALSE);
  g_return_val_if_fail (slot != NULL && module != NULL, FALSE);

  op = op_new (OP_INSERT_MODULE, device->id);
  op->str = g_strdup (slot);
  op->str2 = g_strdup (module);
  return run_op (self, op, _("Insert Module"), error);
}

static gboolean
remove_module_recursive (CordTopology  *self,
                         CordDevice    *device,
                         const char    *slot,
                         GError       **error)
{
  const CordInstalledModule *installed = cord_device_get_module (device, slot);

  g_assert (CORD_IS_TOPOLOGY (self));

  if (installed != NULL && !device->powered)
    {
      /* Sub-modules and cables go first, inside the same undo step. */
      const CordModuleSpec *spec = installed->module;
      const char *slot_key = installed->slot;

      for (guint s = 0; s < spec->n_slots; s++)
        if (cord_device_get_module (device, spec->slots[s].id) != NULL &&
            !remove_module_recursive (self, device, spec->slots[s].id, error))
          return FALSE;
      for (guint i = 0; i < device->ports->len; i++)
        {
          CordPort *port = device->ports->pdata[i];

          if (port->slot == slot_key && port->link != NULL &&
              !run_op (self, op_new (OP_DISCONNECT, port->link->id), NULL, error))
            return FALSE;
        }
    }
  {
    CordOp *op = op_new (OP_REMOVE_MODULE, device->id);

    op->str = g_strdup (slot);
    return run_op (self, op, NULL, error);
  }
}

gboolean
cord_topology_remove_module (CordTopology  *self,
                             CordDevice    *device,
                             const char    *slot,
                             GError       **error)
{
  gboolean ok;
  guint mark;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  g_return_val_if_fail (device != NULL && device->topology == self, FALSE);
  g_return_val_if_fail (slot != NULL, FALSE);

  cord_topology_begin_group (self, _("Remove Module"));
  mark = self->open_group->ops->len;
  ok = remove_module_recursive (self, device, slot, error);
  if (!ok)
    rollback_to (self, mark);
  cord_topology_end_group (self);
  return ok;
}

gboolean
cord_topology_set_config (CordTopology    *self,
                          CordDevice      *device,
                          CordConfigKind   which,
                          const char      *text,
                          GError         **error)
{
  CordOp *op;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  g_return_val_if_fail (device != NULL && device->topology == self, FALSE);

  op = op_new (OP_SET_CONFIG, device->id);
  op->flag = which;
  op->str = g_strdup (text);
  return run_op (self, op, _("Change Configuration"), error);
}

/* Not an edit: the consoles keep the text fields in step with the
 * running devices, which must neither make undo steps nor mark the lab
 * modified. */
gboolean
cord_topology_store_config (CordTopology    *self,
                            CordDevice      *device,
                            CordConfigKind   which,
                            const char      *text,
                            GError         **error)
{
  char **field;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  g_return_val_if_fail (device != NULL && device->topology == self, FALSE);

  if (!cord_kind_has_ios (device->model->kind) ||
      (which == CORD_CONFIG_VLAN_DATABASE && !cord_kind_has_vlans (device->model->kind)))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%s (%s) has no such configuration"), device->name,
                   device->model->name);
      return FALSE;
    }
  if (!_cord_check_text (text, CORD_LIMIT_CONFIG_BYTES, _("configuration"), error))
    return FALSE;
  field = which == CORD_CONFIG_STARTUP ? &device->startup_config
        : which == CORD_CONFIG_RUNNING ? &device->running_config
        : &device->vlan_database;
  if (g_strcmp0 (*field, text) == 0)
    return TRUE;
  g_free (*field);
  *field = g_strdup (text);
  emit_device_changed (self, device, CORD_DEVICE_CHANGED_CONFIG);
  return TRUE;
}

gboolean
cord_topology_configure (CordTopology  *self,
                         CordDevice    *device,
                         const char    *commands,
                         const char    *undo_commands,
                         const char    *label,
                         GError       **error)
{
  CordOp *op;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  g_return_val_if_fail (device != NULL && device->topology == self, FALSE);
  g_return_val_if_fail (commands != NULL && undo_commands != NULL, FALSE);

  if (!_cord_check_text (commands, CORD_LIMIT_CONFIG_BYTES, _("configuration"), error) ||
      !_cord_check_text (undo_commands, CORD_LIMIT_CONFIG_BYTES, _("configuration"), error))
    return FALSE;
  op = op_new (OP_CONFIGURE, device->id);
  op->str = g_strdup (commands);
  op->str2 = g_strdup (undo_commands);
  return run_op (self, op, label != NULL ? label : _("Configure Device"), error);
}

void
cord_topology_set_command_runner (CordTopology      *self,
                                  CordCommandRunner  runner,
                                  gpointer           user_data)
{
  g_return_if_fail (CORD_IS_TOPOLOGY (self));

  self->runner = runner;
  self->runner_data = user_data;
}

gboolean
cord_topology_set_host_ip (CordTopology      *self,
                           CordDevice        *device,
                           const CordHostIp  *host,
                           GError           **error)
{
  CordOp *op;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  g_return_val_if_fail (device != NULL && device->topology == self, FALSE);
  g_return_val_if_fail (host != NULL, FALSE);

  op = op_new (OP_SET_HOST, device->id);
  op->host = *host;
  return run_op (self, op, _("Change IP Configuration"), error);
}

gboolean
cord_topology_store_host_ip (CordTopology      *self,
                             CordDevice        *device,
                             const CordHostIp  *host,
                             GError           **error)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  g_return_val_if_fail (device != NULL && device->topology == self, FALSE);
  g_return_val_if_fail (host != NULL, FALSE);

  if (!cord_kind_is_host (device->model->kind))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%s (%s) is not an end device; configure its "
                     "interfaces instead"), device->name, device->model->name);
      return FALSE;
    }
  if (memcmp (&device->host, host, sizeof *host) == 0)
    return TRUE;
  device->host = *host;
  emit_device_changed (self, device, CORD_DEVICE_CHANGED_HOST);
  return TRUE;
}

CordLink *
cord_topology_connect (CordTopology  *self,
                       CordPort      *a,
                       CordPort      *b,
                       CordCable      cable,
                       GError       **error)
{
  CordOp *op;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), NULL);
  g_return_val_if_fail (a != NULL && a->device->topology == self, NULL);
  g_return_val_if_fail (b != NULL && b->device->topology == self, NULL);

  if (!self->recording)
    return _cord_topology_make_link (self, 0, G_MAXUINT, a, b, cable, error);
  op = op_new (OP_CONNECT, 0);
  op->id_a = a->device->id;
  op->str2 = g_strdup (a->name);
  op->id_b = b->device->id;
  op->port_b = g_strdup (b->name);
  op->cable = cable;
  op->index = G_MAXUINT;
  if (!run_op (self, op, _("Connect"), error))
    return NULL;
  return a->link;
}

gboolean
cord_topology_disconnect (CordTopology  *self,
                          CordLink      *link,
                          GError       **error)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  g_return_val_if_fail (link != NULL, FALSE);

  return run_op (self, op_new (OP_DISCONNECT, link->id), _("Delete Cable"), error);
}

CordNote *
cord_topology_add_note (CordTopology  *self,
                        double         x,
                        double         y,
                        const char    *text,
                        GError       **error)
{
  CordOp *op;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), NULL);

  op = op_new (OP_ADD_NOTE, 0);
  op->x = x;
  op->y = y;
  op->str = g_strdup (text);
  op->index = G_MAXUINT;
  if (!run_op (self, op, _("Add Note"), error))
    return NULL;
  return self->notes->pdata[self->notes->len - 1];
}

gboolean
cord_topology_remove_note (CordTopology  *self,
                           CordNote      *note,
                           GError       **error)
{
  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  g_return_val_if_fail (note != NULL, FALSE);

  return run_op (self, op_new (OP_REMOVE_NOTE, note->id), _("Delete Note"), error);
}

gboolean
cord_topology_edit_note (CordTopology  *self,
                         CordNote      *note,
                         double         x,
                         double         y,
                         const char    *text,
                         GError       **error)
{
  CordOp *op;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (self), FALSE);
  g_return_val_if_fail (note != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  op = op_new (OP_EDIT_NOTE, note->id);
  op->x = x;
  op->y = y;
  op->str = g_strdup (text);
  return run_op (self, op, _("Edit Note"), error);
}
