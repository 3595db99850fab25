/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordDocument: one lab, its real-time pacing, asynchronous atomic loading and saving, and autosaved recovery copies. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "catalog.h"
#include "cord-document.h"
#include "ios-console.h"
#include "lab.h"

/* How often the simulation catches up with the wall clock, and how long
 * one catch-up may run before the window gets the main loop back. */
#define PACE_INTERVAL_MS   16
#define PACE_BUDGET_US     8000
#define AUTOSAVE_SECONDS   60

struct _CordDocument
{
  GObject       parent_instance;

  CordTopology *topology;
  CordEngine   *engine;
  CordSim      *sim;
  CordConsoles *consoles;         /* one per device; they own the sim's port hook */
  GFile        *file;
  char         *title;
  char         *untitled_id;      /* names an untitled lab's recovery copy */
  char         *recovery_id;      /* the copy written last, or NULL */

  guint         busy;             /* loads and saves running */
  guint         history_serial;   /* counts history-changed */
  guint         autosaved_serial; /* history_serial of the last recovery copy */
  gboolean      restored;         /* from a recovery copy, not yet saved */
  gboolean      modified;
  gboolean      untouched;
  gboolean      closed;
  gboolean      autosaving;

  gulong        history_handler;
  guint         pace_source;
  guint         autosave_source;
  gint64        pace_wall_base;   /* µs, monotonic */
  gboolean      lights_dirty;     /* a line changed since the last step */
  guint64       pace_virtual_base;
};

enum {
  PROP_0,
  PROP_TOPOLOGY,
  PROP_FILE,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_BUSY,
  LAST_PROP
};

enum {
  SIGNAL_LIGHTS_CHANGED,
  N_SIGNALS
};

static GParamSpec *pspecs[LAST_PROP];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CordDocument, cord_document, G_TYPE_OBJECT)

/* Recovery copies. */

char *
cord_recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "patchcord", "recovery", NULL);
}

static char *
recovery_path (const char *id,
               const char *suffix)
{
  g_autofree char *dir = cord_recovery_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

static void
recovery_remove (const char *id)
{
  g_autofree char *lab = NULL;
  g_autofree char *ini = NULL;

  if (id == NULL)
    return;
  lab = recovery_path (id, ".pclab");
  ini = recovery_path (id, ".ini");
  /* The sidecar goes first: a copy without one is never offered. */
  g_unlink (ini);
  g_unlink (lab);
}

void
cord_recovery_info_free (CordRecoveryInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->lab_path);
  g_free (info->original);
  g_free (info->title);
  g_free (info);
}

void
cord_recovery_info_discard (CordRecoveryInfo *info)
{
  g_return_if_fail (info != NULL);
  recovery_remove (info->id);
}

/* Whether @pid is a Patchcord still running, which owns its copies. */
static gboolean
pid_is_patchcord (gint64 pid)
{
  g_autofree char *comm_path = NULL;
  g_autofree char *comm = NULL;

  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;
  if (pid == getpid ())
    return TRUE;
  if (kill ((pid_t) pid, 0) != 0 && errno != EPERM)
    return FALSE;
  comm_path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/comm", pid);
  if (!g_file_get_contents (comm_path, &comm, NULL, NULL))
    return TRUE;
  return g_str_has_prefix (comm, "patchcord");
}

static gint
compare_recovery (gconstpointer a,
                  gconstpointer b)
{
  const CordRecoveryInfo *ia = *(CordRecoveryInfo * const *) a;
  const CordRecoveryInfo *ib = *(CordRecoveryInfo * const *) b;

  return ia->saved < ib->saved ? 1 : ia->saved > ib->saved ? -1 : 0;
}

GPtrArray *
cord_recovery_list (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) cord_recovery_info_free);
  g_autofree char *dir_path = cord_recovery_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GKeyFile) keys = g_key_file_new ();
      g_autofree char *ini = NULL;
      g_autofree char *lab = NULL;
      g_autofree char *id = NULL;
      CordRecoveryInfo *info;

      if (!g_str_has_suffix (name, ".ini"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".ini"));
      ini = g_build_filename (dir_path, name, NULL);
      lab = recovery_path (id, ".pclab");
      if (!g_file_test (lab, G_FILE_TEST_IS_REGULAR)
          || !g_key_file_load_from_file (keys, ini, G_KEY_FILE_NONE, NULL))
        continue;
      if (pid_is_patchcord (g_key_file_get_int64 (keys, "Recovery", "Pid", NULL)))
        continue;

      info = g_new0 (CordRecoveryInfo, 1);
      info->id = g_steal_pointer (&id);
      info->lab_path = g_steal_pointer (&lab);
      info->original = g_key_file_get_string (keys, "Recovery", "Original", NULL);
      if (info->original != NULL && *info->original == '\0')
        g_clear_pointer (&info->original, g_free);
      info->title = g_key_file_get_string (keys, "Recovery", "Title", NULL);
      if (info->title == NULL)
        info->title = g_strdup (_("Untitled Lab"));
      info->saved = g_key_file_get_int64 (keys, "Recovery", "Saved", NULL);
      g_ptr_array_add (list, info);
    }
  g_ptr_array_sort (list, compare_recovery);
  return g_steal_pointer (&list);
}

/* State. */

static void
set_busy (CordDocument *self,
          gboolean      busy)
{
  GApplication *app = g_application_get_default ();
  gboolean was = self->busy > 0;

  if (busy)
    self->busy++;
  else
    self->busy--;
  /* An application never quits in the middle of writing someone's lab. */
  if (app != NULL)
    {
      if (busy)
        g_application_hold (app);
      else
        g_application_release (app);
    }
  if (was != (self->busy > 0))
    g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_BUSY]);
}

static void
update_modified (CordDocument *self)
{
  gboolean modified = self->restored || cord_topology_is_modified (self->topology);

  if (modified == self->modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_MODIFIED]);
}

static void
on_history_changed (CordTopology *topology,
                    CordDocument *self)
{
  self->history_serial++;
  self->untouched = FALSE;
  update_modified (self);
}

static void
set_file (CordDocument *self,
          GFile        *file)
{
  g_autofree char *title = NULL;

  if (file != NULL && self->file != NULL && g_file_equal (file, self->file))
    return;
  g_set_object (&self->file, file);
  if (file != NULL)
    {
      g_autofree char *base = g_file_get_basename (file);

      title = g_filename_display_name (base);
    }
  else
    title = g_strdup (_("Untitled Lab"));
  g_free (self->title);
  self->title = g_steal_pointer (&title);
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_TITLE]);
}

static char *
current_recovery_id (CordDocument *self)
{
  g_autofree char *uri = NULL;

  if (self->file == NULL)
    return g_strdup (self->untitled_id);
  uri = g_file_get_uri (self->file);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
}

static void
forget_recovery (CordDocument *self)
{
  g_autofree char *id = current_recovery_id (self);

  recovery_remove (self->recovery_id);
  recovery_remove (id);
  g_clear_pointer (&self->recovery_id, g_free);
}

static void
on_port_changed (CordSim  *sim,
                 CordPort *port,
                 gboolean  up,
                 gpointer  user_data)
{
  CordDocument *self = user_data;

  self->lights_dirty = TRUE;
}

/* Views redraw once per step, and only when a line changed: a busy
 * simulation must not redraw a large lab at every tick. */
static void
emit_lights_changed (CordDocument *self)
{
  if (!self->lights_dirty)
    return;
  self->lights_dirty = FALSE;
  g_signal_emit (self, signals[SIGNAL_LIGHTS_CHANGED], 0);
}

/* Real-time pacing: virtual time follows the monotonic clock, and a
 * simulation that falls behind slows down instead of freezing the window. */

static gboolean
pace_tick (gpointer data)
{
  CordDocument *self = data;
  gint64 now = g_get_monotonic_time ();
  guint64 target = self->pace_virtual_base + (guint64) (now - self->pace_wall_base) * CORD_ENGINE_NS_PER_US;
  guint64 next;
  guint n = 0;

  while (cord_engine_next_time (self->engine, &next) && next <= target)
    {
      cord_engine_step (self->engine);
      if (++n % 64 == 0 && g_get_monotonic_time () - now > PACE_BUDGET_US)
        {
          self->pace_virtual_base = cord_engine_now (self->engine);
          self->pace_wall_base = g_get_monotonic_time ();
          emit_lights_changed (self);
          return G_SOURCE_CONTINUE;
        }
    }
  cord_engine_run_until (self->engine, target);
  emit_lights_changed (self);
  return G_SOURCE_CONTINUE;
}

/* Runs @topology from now on; the old simulation goes only after
 * notify::topology, so views never hold a freed one. */
static void
install_topology (CordDocument *self,
                  CordTopology *topology)
{
  CordTopology *old_topology = self->topology;
  CordEngine *old_engine = self->engine;
  CordSim *old_sim = self->sim;
  CordConsoles *old_consoles = self->consoles;

  if (old_topology != NULL)
    g_clear_signal_handler (&self->history_handler, old_topology);
  self->topology = g_object_ref (topology);
  self->engine = cord_engine_new ();
  self->sim = cord_sim_new (self->topology, self->engine);
  /* The consoles take the sim's port hook: a line going up or down is
   * IOS state (SVIs) and a %LINK message. They pass each change on, and
   * views hear of it through "lights-changed" once per paced step. */
  self->consoles = cord_consoles_new (self->sim);
  cord_consoles_set_port_hook (self->consoles, on_port_changed, self);
  self->pace_virtual_base = 0;
  self->pace_wall_base = g_get_monotonic_time ();
  self->history_handler = g_signal_connect (self->topology, "history-changed",
                                            G_CALLBACK (on_history_changed), self);
  self->history_serial++;
  self->autosaved_serial = self->history_serial;
  update_modified (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspecs[PROP_TOPOLOGY]);

  g_clear_pointer (&old_consoles, cord_consoles_free);
  g_clear_pointer (&old_sim, cord_sim_free);
  g_clear_object (&old_topology);
  g_clear_pointer (&old_engine, cord_engine_free);
}

/* Autosave. */

typedef struct {
  GBytes *bytes;
  char   *id;
  char   *ini;          /* sidecar contents */
  guint   serial;
} AutosaveData;

static void
autosave_data_free (AutosaveData *data)
{
  g_bytes_unref (data->bytes);
  g_free (data->id);
  g_free (data->ini);
  g_free (data);
}

static void
autosave_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AutosaveData *data = task_data;
  g_autofree char *dir = cord_recovery_dir ();
  g_autofree char *lab = recovery_path (data->id, ".pclab");
  g_autofree char *ini = recovery_path (data->id, ".ini");
  GError *error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("Cannot create %s: %s"), dir, g_strerror (saved));
      return;
    }
  if (!cord_lab_write_atomic (lab, data->bytes, &error)
      || !g_file_set_contents (ini, data->ini, -1, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
autosave_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CordDocument *self = CORD_DOCUMENT (source);
  AutosaveData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->autosaving = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_message ("Could not write the recovery copy of %s: %s", self->title, error->message);
      return;
    }
  if (self->closed || !self->modified)
    {
      /* Saved or closed while the copy was being written. */
      recovery_remove (data->id);
      return;
    }
  self->autosaved_serial = data->serial;
  if (g_strcmp0 (self->recovery_id, data->id) != 0)
    {
      recovery_remove (self->recovery_id);
      g_free (self->recovery_id);
      self->recovery_id = g_strdup (data->id);
    }
}

static gboolean
autosave_tick (gpointer user_data)
{
  CordDocument *self = user_data;
  g_autoptr(GKeyFile) keys = NULL;
  g_autoptr(GTask) task = NULL;
  AutosaveData *data;

  if (self->closed || self->autosaving || self->busy > 0 || !self->modified
      || self->autosaved_serial == self->history_serial)
    return G_SOURCE_CONTINUE;

  keys = g_key_file_new ();
  if (self->file != NULL)
    {
      g_autofree char *path = g_file_get_path (self->file);

      if (path != NULL)
        g_key_file_set_string (keys, "Recovery", "Original", path);
    }
  g_key_file_set_string (keys, "Recovery", "Title", self->title);
  g_key_file_set_int64 (keys, "Recovery", "Pid", getpid ());
  g_key_file_set_int64 (keys, "Recovery", "Saved", g_get_real_time () / G_USEC_PER_SEC);

  data = g_new0 (AutosaveData, 1);
  /* Saved labs carry the configs as the consoles have them now. */
  cord_consoles_sync_to_topology (self->consoles);
  data->bytes = cord_lab_to_bytes (self->topology);
  data->id = current_recovery_id (self);
  data->ini = g_key_file_to_data (keys, NULL, NULL);
  data->serial = self->history_serial;

  self->autosaving = TRUE;
  task = g_task_new (self, NULL, autosave_done, NULL);
  g_task_set_source_tag (task, autosave_tick);
  g_task_set_task_data (task, data, (GDestroyNotify) autosave_data_free);
  g_task_run_in_thread (task, autosave_thread);
  return G_SOURCE_CONTINUE;
}

static guint
autosave_interval (void)
{
  const char *env = g_getenv ("PATCHCORD_AUTOSAVE_SECONDS");
  guint64 seconds;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 86400, &seconds, NULL))
    return (guint) seconds;
  return AUTOSAVE_SECONDS;
}

/* GObject. */

static void
cord_document_dispose (GObject *object)
{
  CordDocument *self = CORD_DOCUMENT (object);

  g_clear_handle_id (&self->pace_source, g_source_remove);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->topology != NULL)
    g_clear_signal_handler (&self->history_handler, self->topology);
  g_clear_pointer (&self->consoles, cord_consoles_free);
  g_clear_pointer (&self->sim, cord_sim_free);
  g_clear_object (&self->topology);
  g_clear_pointer (&self->engine, cord_engine_free);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (cord_document_parent_class)->dispose (object);
}

static void
cord_document_finalize (GObject *object)
{
  CordDocument *self = CORD_DOCUMENT (object);

  g_free (self->title);
  g_free (self->untitled_id);
  g_free (self->recovery_id);

  G_OBJECT_CLASS (cord_document_parent_class)->finalize (object);
}

static void
cord_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CordDocument *self = CORD_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TOPOLOGY:
      g_value_set_object (value, self->topology);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cord_document_class_init (CordDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cord_document_dispose;
  object_class->finalize = cord_document_finalize;
  object_class->get_property = cord_document_get_property;

  pspecs[PROP_TOPOLOGY] =
    g_param_spec_object ("topology", NULL, NULL, CORD_TYPE_TOPOLOGY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  pspecs[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  pspecs[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  pspecs[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  pspecs[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, LAST_PROP, pspecs);

  /* A port's line protocol went up or down: (CordPort *port, gboolean up). */
  /* A port's line went up or down during the last paced step. */
  signals[SIGNAL_LIGHTS_CHANGED] =
    g_signal_new ("lights-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* Loads in worker threads share the catalog: build it here, once. */
  cord_catalog_get_default ();
}

static void
cord_document_init (CordDocument *self)
{
  g_autoptr(CordTopology) topology = cord_topology_new (cord_catalog_get_default ());
  g_autofree char *uuid = g_uuid_string_random ();

  self->title = g_strdup (_("Untitled Lab"));
  self->untitled_id = g_strdup_printf ("untitled-%s", uuid);
  self->untouched = TRUE;
  install_topology (self, topology);
  self->pace_source = g_timeout_add (PACE_INTERVAL_MS, pace_tick, self);
  g_source_set_name_by_id (self->pace_source, "[patchcord] pace simulation");
  self->autosave_source = g_timeout_add_seconds (autosave_interval (), autosave_tick, self);
  g_source_set_name_by_id (self->autosave_source, "[patchcord] autosave");
}

CordDocument *
cord_document_new (void)
{
  return g_object_new (CORD_TYPE_DOCUMENT, NULL);
}

CordTopology *
cord_document_get_topology (CordDocument *self)
{
  g_return_val_if_fail (CORD_IS_DOCUMENT (self), NULL);
  return self->topology;
}

CordSim *
cord_document_get_sim (CordDocument *self)
{
  g_return_val_if_fail (CORD_IS_DOCUMENT (self), NULL);
  return self->sim;
}

gpointer
cord_document_get_consoles (CordDocument *self)
{
  g_return_val_if_fail (CORD_IS_DOCUMENT (self), NULL);
  return self->consoles;
}

gpointer
cord_document_lookup_console (CordDocument *self,
                              CordDevice   *device)
{
  g_return_val_if_fail (CORD_IS_DOCUMENT (self), NULL);

  return self->consoles != NULL && device != NULL ? cord_consoles_lookup (self->consoles, device) : NULL;
}

CordEngine *
cord_document_get_engine (CordDocument *self)
{
  g_return_val_if_fail (CORD_IS_DOCUMENT (self), NULL);
  return self->engine;
}

GFile *
cord_document_get_file (CordDocument *self)
{
  g_return_val_if_fail (CORD_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
cord_document_get_title (CordDocument *self)
{
  g_return_val_if_fail (CORD_IS_DOCUMENT (self), NULL);
  return self->title;
}

char *
cord_document_dup_folder (CordDocument *self)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) home = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (CORD_IS_DOCUMENT (self), NULL);

  if (self->file == NULL || (parent = g_file_get_parent (self->file)) == NULL)
    return NULL;
  home = g_file_new_for_path (g_get_home_dir ());
  if (g_file_equal (parent, home))
    return g_strdup ("~");
  if ((relative = g_file_get_relative_path (home, parent)) != NULL)
    {
      g_autofree char *display = g_filename_display_name (relative);

      return g_strconcat ("~/", display, NULL);
    }
  if ((path = g_file_get_path (parent)) != NULL)
    return g_filename_display_name (path);
  return g_file_get_parse_name (parent);
}

gboolean
cord_document_get_modified (CordDocument *self)
{
  g_return_val_if_fail (CORD_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

gboolean
cord_document_get_busy (CordDocument *self)
{
  g_return_val_if_fail (CORD_IS_DOCUMENT (self), FALSE);
  return self->busy > 0;
}

gboolean
cord_document_is_untouched (CordDocument *self)
{
  g_return_val_if_fail (CORD_IS_DOCUMENT (self), FALSE);
  return self->untouched && self->file == NULL && self->busy == 0
         && cord_topology_get_n_devices (self->topology) == 0;
}

/* Loading. */

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  GError *error = NULL;
  CordTopology *topology;

  /* A new topology has no observers yet, so building it here is safe. */
  topology = cord_lab_load_file (cord_catalog_get_default (), path, &error);
  if (topology == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, topology, g_object_unref);
}

typedef struct {
  GFile            *file;      /* the lab's own file afterwards */
  CordRecoveryInfo *recovery;  /* set when restoring */
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_clear_object (&request->file);
  g_clear_pointer (&request->recovery, cord_recovery_info_free);
  g_free (request);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CordDocument *self = CORD_DOCUMENT (source);
  g_autoptr(GTask) outer = user_data;
  LoadRequest *request = g_task_get_task_data (outer);
  g_autoptr(CordTopology) topology = NULL;
  GError *error = NULL;

  set_busy (self, FALSE);
  topology = g_task_propagate_pointer (G_TASK (result), &error);
  if (topology == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }

  self->untouched = FALSE;
  if (request->recovery != NULL)
    {
      /* The lab takes over the copy: it goes when the lab is saved or
       * closed, and stays if Patchcord stops again. */
      self->restored = TRUE;
      g_free (self->recovery_id);
      self->recovery_id = g_strdup (request->recovery->id);
      if (request->recovery->original == NULL)
        {
          g_free (self->untitled_id);
          self->untitled_id = g_strdup (request->recovery->id);
        }
    }
  else
    {
      forget_recovery (self);
      self->restored = FALSE;
    }
  set_file (self, request->file);
  install_topology (self, topology);
  g_task_return_boolean (outer, TRUE);
}

static void
start_load (CordDocument        *self,
            const char          *path,
            LoadRequest         *request,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data,
            gpointer             tag)
{
  GTask *outer = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) inner = g_task_new (self, cancellable, load_done, outer);

  g_task_set_source_tag (outer, tag);
  g_task_set_task_data (outer, request, (GDestroyNotify) load_request_free);
  g_task_set_task_data (inner, g_strdup (path), g_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (inner, load_thread);
}

void
cord_document_load_async (CordDocument        *self,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autofree char *path = NULL;
  LoadRequest *request;

  g_return_if_fail (CORD_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((path = g_file_get_path (file)) == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_report_new_error (self, callback, user_data, cord_document_load_async,
                               G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Cannot open %s: Patchcord opens labs from local folders only"),
                               uri);
      return;
    }
  request = g_new0 (LoadRequest, 1);
  request->file = g_object_ref (file);
  start_load (self, path, request, cancellable, callback, user_data, cord_document_load_async);
}

gboolean
cord_document_load_finish (CordDocument  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (CORD_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
cord_document_restore_async (CordDocument        *self,
                             CordRecoveryInfo    *info,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  LoadRequest *request;

  g_return_if_fail (CORD_IS_DOCUMENT (self));
  g_return_if_fail (info != NULL);

  request = g_new0 (LoadRequest, 1);
  request->recovery = g_new0 (CordRecoveryInfo, 1);
  request->recovery->id = g_strdup (info->id);
  request->recovery->lab_path = g_strdup (info->lab_path);
  request->recovery->original = g_strdup (info->original);
  request->recovery->title = g_strdup (info->title);
  request->recovery->saved = info->saved;
  if (info->original != NULL)
    request->file = g_file_new_for_path (info->original);
  start_load (self, info->lab_path, request, cancellable, callback, user_data,
              cord_document_restore_async);
}

gboolean
cord_document_restore_finish (CordDocument  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (CORD_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Saving. */

typedef struct {
  GFile  *file;
  char   *path;
  GBytes *bytes;
  guint   serial;     /* history_serial when the bytes were taken */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_free (data->path);
  g_bytes_unref (data->bytes);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (!cord_lab_write_atomic (data->path, data->bytes, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CordDocument *self = CORD_DOCUMENT (source);
  g_autoptr(GTask) outer = user_data;
  SaveData *data = g_task_get_task_data (outer);
  GError *error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }

  forget_recovery (self);
  set_file (self, data->file);
  /* An edit made while the file was being written is not in it: the lab
   * then stays modified. */
  if (data->serial == self->history_serial)
    {
      self->restored = FALSE;
      cord_topology_mark_saved (self->topology);
    }
  update_modified (self);
  g_task_return_boolean (outer, TRUE);
}

void
cord_document_save_async (CordDocument        *self,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *outer;
  g_autoptr(GTask) inner = NULL;
  SaveData *data;
  g_autofree char *path = NULL;

  g_return_if_fail (CORD_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (file == NULL)
    file = self->file;
  if (file == NULL)
    {
      g_task_report_new_error (self, callback, user_data, cord_document_save_async,
                               G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                               _("The lab has no file yet: choose one with Save As"));
      return;
    }
  if ((path = g_file_get_path (file)) == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_report_new_error (self, callback, user_data, cord_document_save_async,
                               G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Cannot save to %s: Patchcord saves labs in local folders only"),
                               uri);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->path = g_steal_pointer (&path);
  /* Saved labs carry the configs as the consoles have them now. */
  cord_consoles_sync_to_topology (self->consoles);
  data->bytes = cord_lab_to_bytes (self->topology);
  data->serial = self->history_serial;

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, cord_document_save_async);
  g_task_set_task_data (outer, data, (GDestroyNotify) save_data_free);
  inner = g_task_new (self, cancellable, save_done, outer);
  g_task_set_task_data (inner, data, NULL);
  set_busy (self, TRUE);
  g_task_run_in_thread (inner, save_thread);
}

gboolean
cord_document_save_finish (CordDocument  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (CORD_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
cord_document_close (CordDocument *self)
{
  g_return_if_fail (CORD_IS_DOCUMENT (self));

  self->closed = TRUE;
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->pace_source, g_source_remove);
  forget_recovery (self);
}
