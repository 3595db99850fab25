/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The console of every device and its life cycle: boot on power-on, the state lost on power-off, reload, and the texts the lab stores. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cmd-interface.h"
#include "cord-error.h"
#include "cord-limits.h"
#include "ios-console-private.h"
#include "ios-modules.h"
#include "pc-prompt.h"

/* The key under which an IOS device knows its console. */
#define CONSOLE_KEY "cord-console"
/* Log messages kept while the initial configuration dialog waits. */
#define MAX_PENDING_LOGS 64u

typedef enum {
  CONSOLE_OFF,
  CONSOLE_BOOTING,
  CONSOLE_DIALOG,       /* "Would you like to enter the initial configuration dialog?" */
  CONSOLE_RUNNING,
} ConsoleState;

typedef struct {
  guint                 id;
  CordConsoleOutputFunc func;     /* NULL once removed while output runs */
  gpointer              user_data;
  GDestroyNotify        destroy;
} Listener;

struct _CordConsoles {
  CordSim      *sim;
  CordTopology *topology;
  CordEngine   *engine;
  CordIosCli   *cli;
  GHashTable   *by_device;        /* CordDevice* → CordConsole*, owned */
  CordSimPortHook port_hook;      /* passed on after the consoles' own work */
  gpointer        port_hook_data;
};

struct _CordConsole {
  CordConsoles        *owner;
  CordDevice          *device;
  CordConsoleKind      kind;
  ConsoleState         state;

  CordIosDevice       *ios;       /* IOS devices, while on */
  CordIosSession      *session;   /* once booted */
  CordPcPrompt        *prompt;    /* end devices, while on */

  GString             *scrollback;
  GArray              *listeners; /* Listener */
  guint                next_listener;
  guint                emitting;
  GArray              *config_listeners;  /* Listener: cord_console_configure() */
  guint                config_emitting;

  CordTimer            boot_timer;
  guint                boot_part;
  guint                boot_errors;
  gboolean             replaying;
  char                *saved_config;  /* generated at boot and at each save */
  GString             *answer;        /* typed at the dialog */
  GQueue               pending_logs;  /* shown once the dialog is over */

  /* A job (ping, traceroute) or a reload holds the session's output
   * (its next prompt) and the keys typed meanwhile. */
  gboolean             job;
  CordConsoleAbortFunc job_abort;
  gpointer             job_data;
  gboolean             reload_pending;
  CordTimer            reload_timer;
  GString             *held;
  GString             *typeahead;
  gboolean             after_escape;
  gboolean             closing;

  _CordExecTimeout     exec_timeout;  /* idle at the prompt of con0 */
};

static void console_boot_step (CordEngine *engine, gpointer a, gpointer b);
static void console_reload_now (CordEngine *engine, gpointer a, gpointer b);
static void ios_feed (CordConsole *c, const char *bytes, gsize len);

/* --- Output -------------------------------------------------------------- */

/* Calls every listener of @list; one removed meanwhile is only marked,
 * and dropped once the outermost call is over. */
static void
listeners_call (CordConsole *c,
                GArray      *list,
                guint       *emitting,
                const char  *data,
                gsize        len)
{
  (*emitting)++;
  for (guint i = 0; i < list->len; i++)
    {
      Listener *l = &g_array_index (list, Listener, i);

      if (l->func != NULL)
        l->func (c, data, len, l->user_data);
    }
  if (--(*emitting) == 0)
    for (guint i = list->len; i-- > 0;)
      if (g_array_index (list, Listener, i).func == NULL)
        g_array_remove_index (list, i);
}

static guint
listeners_add (CordConsole           *c,
               GArray                *list,
               CordConsoleOutputFunc  func,
               gpointer               user_data,
               GDestroyNotify         destroy)
{
  Listener l = { 0, func, user_data, destroy };

  l.id = ++c->next_listener;
  g_array_append_val (list, l);
  return l.id;
}

static void
listeners_remove (GArray *list,
                  guint   emitting,
                  guint   id)
{
  for (guint i = 0; i < list->len; i++)
    {
      Listener *l = &g_array_index (list, Listener, i);

      if (l->id != id || l->func == NULL)
        continue;
      l->func = NULL;
      if (l->destroy != NULL)
        l->destroy (l->user_data);
      if (emitting == 0)
        g_array_remove_index (list, i);
      return;
    }
}

static void
listeners_free (GArray *list)
{
  for (guint i = 0; i < list->len; i++)
    {
      Listener *l = &g_array_index (list, Listener, i);

      if (l->func != NULL && l->destroy != NULL)
        l->destroy (l->user_data);
    }
  g_array_unref (list);
}

static void
emit (CordConsole *c,
      const char  *data,
      gsize        len)
{
  GString *scroll = c->scrollback;

  if (len == 0 || c->closing)
    return;
  g_string_append_len (scroll, data, len);
  /* Trimmed in halves so each byte moves about once. */
  if (scroll->len > 2 * CORD_CONSOLE_SCROLLBACK_BYTES)
    g_string_erase (scroll, 0, scroll->len - CORD_CONSOLE_SCROLLBACK_BYTES);

  listeners_call (c, c->listeners, &c->emitting, data, len);
}

/* Text with "\n" line ends, sent with CR LF. */
static void
emit_text (CordConsole *c,
           const char  *text)
{
  g_autoptr(GString) out = g_string_sized_new (strlen (text) + 16);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append_c (out, '\r');
      g_string_append_c (out, *p);
    }
  emit (c, out->str, out->len);
}

static void
session_output (CordIosSession *session,
                const char     *data,
                gsize           len,
                gpointer        user_data)
{
  CordConsole *c = user_data;

  if (c->job || c->reload_pending)
    g_string_append_len (c->held, data, len);
  else
    emit (c, data, len);
}

static void
prompt_output (CordPcPrompt *prompt,
               const char   *data,
               gsize         len,
               gpointer      user_data)
{
  emit (user_data, data, len);
}

static void
console_log (CordConsole *c,
             const char  *message)
{
  if (c->state == CONSOLE_DIALOG && g_queue_get_length (&c->pending_logs) < MAX_PENDING_LOGS)
    g_queue_push_tail (&c->pending_logs, g_strdup (message));
  else if (c->state == CONSOLE_RUNNING && c->session != NULL)
    cord_ios_session_log (c->session, message);
}

/* Tells the interface tables that @port's line went @up, and shows what
 * IOS says about it (%LINK, %LINEPROTO for the port, its subinterfaces
 * and SVIs) unless the device is still booting. */
static void
port_changed (CordConsole *c,
              CordPort    *port,
              gboolean     up)
{
  g_auto(GStrv) messages = NULL;

  /* Switched off: the sim tells of the lines going down before the
   * console hears of the power, and nothing shows any more. */
  if (!c->device->powered)
    return;
  messages = cord_ios_port_changed (c->ios, port, up);
  if (c->replaying || c->state == CONSOLE_BOOTING)
    return;
  for (guint i = 0; messages[i] != NULL; i++)
    console_log (c, messages[i]);
}

/* --- Keeping the topology's texts in step ------------------------------ */

static char *
running_config (CordConsole *c)
{
  return cord_ios_cli_write_config (c->owner->cli, c->ios);
}

static void
store (CordConsole    *c,
       CordConfigKind  which,
       const char     *text)
{
  g_autoptr(GError) error = NULL;

  /* Only a config past the size limit fails: the lab keeps the last
   * text that fitted, and the device runs on. */
  if (!cord_topology_store_config (c->owner->topology, c->device, which, text, &error))
    g_debug ("%s: %s", c->device->name, error->message);
}

/* The running-config and VLAN database go into the topology after every
 * command, so that undoing a power-off brings back what was lost. */
static void
mirror (CordConsole *c)
{
  CordDevice *device = c->device;

  if (c->kind != CORD_CONSOLE_IOS)
    return;
  if (c->ios != NULL && (c->state == CONSOLE_RUNNING || c->state == CONSOLE_DIALOG))
    {
      g_autofree char *text = running_config (c);

      store (c, CORD_CONFIG_RUNNING, text);
    }
  if (cord_kind_has_vlans (device->model->kind))
    {
      g_autofree char *vlans = _cord_ios_vlans_write (c->owner->sim, device);

      store (c, CORD_CONFIG_VLAN_DATABASE, vlans);
    }
}

/* --- Life cycle ------------------------------------------------------------ */

static void
boot_finish (CordConsole *c)
{
  CordDevice *device = c->device;
  /* On power-on the topology has copied the startup-config here; after a
   * load or an undo it holds what ran. */
  const char *config = device->running_config != NULL ? device->running_config : device->startup_config;
  g_autoptr(GString) out = g_string_new (NULL);

  c->replaying = TRUE;
  c->boot_errors = _cord_ios_replay_config (c->owner->cli, c->ios, config);
  c->replaying = FALSE;
  g_free (c->saved_config);
  c->saved_config = running_config (c);
  c->session = cord_ios_session_new (c->owner->cli, c->ios);
  cord_ios_session_set_output (c->session, session_output, c, NULL);
  mirror (c);

  /* A router with nothing in NVRAM offers the setup dialog (reference
   * 4.5); switches boot straight to the console (reference 7). */
  if (config == NULL && device->model->kind == CORD_KIND_ROUTER)
    {
      _cord_ios_boot_dialog (out);
      emit_text (c, out->str);
      c->state = CONSOLE_DIALOG;
    }
  else
    {
      emit_text (c, "\n");
      c->state = CONSOLE_RUNNING;
      cord_ios_session_start (c->session);
    }
  /* IOS reports the lines that came up as it started. */
  for (guint i = 0; i < device->ports->len; i++)
    {
      CordPort *port = device->ports->pdata[i];

      if (cord_sim_port_is_up (c->owner->sim, port))
        port_changed (c, port, TRUE);
    }
}

static void
boot_part (CordConsole *c)
{
  g_autoptr(GString) out = g_string_new (NULL);

  _cord_ios_boot_text (c->device, c->boot_part++, out);
  emit_text (c, out->str);
}

static void
console_boot_step (CordEngine *engine,
                   gpointer    a,
                   gpointer    b)
{
  CordConsole *c = a;

  g_assert (c->state == CONSOLE_BOOTING);
  if (c->boot_part < _CORD_IOS_BOOT_PARTS)
    {
      boot_part (c);
      cord_timer_start (engine, &c->boot_timer, CORD_CONSOLE_BOOT_NS / _CORD_IOS_BOOT_PARTS);
    }
  else
    boot_finish (c);
}

/* Power-on. A device that is just there (added, loaded) has booted
 * already: its messages are all in the scrollback at once. One switched
 * on boots over CORD_CONSOLE_BOOT_NS of virtual time. */
static void
console_start (CordConsole *c,
               gboolean     at_once)
{
  CordConsoles *owner = c->owner;

  g_assert (c->state == CONSOLE_OFF);
  if (c->kind == CORD_CONSOLE_PC)
    {
      c->prompt = cord_pc_prompt_new (owner->sim, c->device);
      cord_pc_prompt_set_output (c->prompt, prompt_output, c);
      c->state = CONSOLE_RUNNING;
      cord_pc_prompt_start (c->prompt);
      return;
    }
  c->ios = _cord_ios_boot_device (owner->sim, c->device);
  cord_ios_device_set_data (c->ios, CONSOLE_KEY, c, NULL);
  cord_ios_clock_boot (c->ios);
  c->state = CONSOLE_BOOTING;
  c->boot_part = 0;
  if (at_once)
    {
      while (c->boot_part < _CORD_IOS_BOOT_PARTS)
        boot_part (c);
      boot_finish (c);
    }
  else
    {
      /* The boot starts on a line of its own, whatever was left on the
       * screen when the power went. */
      if (c->scrollback->len > 0 && c->scrollback->str[c->scrollback->len - 1] != '\n')
        emit (c, "\r\n", 2);
      boot_part (c);
      cord_timer_start (owner->engine, &c->boot_timer, CORD_CONSOLE_BOOT_NS / _CORD_IOS_BOOT_PARTS);
    }
}

/* Power-off: everything running goes, and the console shows nothing. */
static void
console_stop (CordConsole *c)
{
  CordEngine *engine = c->owner->engine;

  c->closing = TRUE;
  if (c->job)
    c->job_abort (c->job_data);
  g_assert (!c->job);
  c->closing = FALSE;
  cord_timer_stop (engine, &c->boot_timer);
  cord_timer_stop (engine, &c->reload_timer);
  _cord_exec_timeout_stop (&c->exec_timeout);
  c->reload_pending = FALSE;
  g_string_truncate (c->held, 0);
  g_string_truncate (c->typeahead, 0);
  g_string_truncate (c->answer, 0);
  g_queue_clear_full (&c->pending_logs, g_free);
  g_clear_pointer (&c->session, cord_ios_session_free);
  if (c->ios != NULL)
    cord_ios_device_set_data (c->ios, CONSOLE_KEY, NULL, NULL);
  g_clear_pointer (&c->ios, cord_ios_device_unref);
  g_clear_pointer (&c->prompt, cord_pc_prompt_free);
  g_clear_pointer (&c->saved_config, g_free);
  c->state = CONSOLE_OFF;
}

static CordConsole *
console_new (CordConsoles *owner,
             CordDevice   *device)
{
  CordConsole *c;

  if (!cord_kind_has_ios (device->model->kind) && !cord_kind_is_host (device->model->kind))
    return NULL;
  c = g_new0 (CordConsole, 1);
  c->owner = owner;
  c->device = device;
  c->kind = cord_kind_has_ios (device->model->kind) ? CORD_CONSOLE_IOS : CORD_CONSOLE_PC;
  c->state = CONSOLE_OFF;
  c->scrollback = g_string_new (NULL);
  c->listeners = g_array_new (FALSE, FALSE, sizeof (Listener));
  c->config_listeners = g_array_new (FALSE, FALSE, sizeof (Listener));
  c->answer = g_string_new (NULL);
  c->held = g_string_new (NULL);
  c->typeahead = g_string_new (NULL);
  g_queue_init (&c->pending_logs);
  cord_timer_init (&c->boot_timer, console_boot_step, c);
  cord_timer_init (&c->reload_timer, console_reload_now, c);
  _cord_exec_timeout_init (&c->exec_timeout, owner->engine);
  /* vlan.dat is in flash: it is there whether the switch is on or not. */
  if (cord_kind_has_vlans (device->model->kind))
    _cord_ios_vlans_restore (owner->sim, device, device->vlan_database);
  if (device->powered)
    console_start (c, TRUE);
  return c;
}

static void
console_free (CordConsole *c)
{
  console_stop (c);
  cord_timer_clear (c->owner->engine, &c->boot_timer);
  cord_timer_clear (c->owner->engine, &c->reload_timer);
  _cord_exec_timeout_clear (&c->exec_timeout);
  listeners_free (c->listeners);
  listeners_free (c->config_listeners);
  g_string_free (c->scrollback, TRUE);
  g_string_free (c->answer, TRUE);
  g_string_free (c->held, TRUE);
  g_string_free (c->typeahead, TRUE);
  g_free (c);
}

static void
console_reload_now (CordEngine *engine,
                    gpointer    a,
                    gpointer    b)
{
  CordConsole *c = a;
  CordTopology *topology = c->owner->topology;
  CordDevice *device = c->device;
  g_autoptr(GError) error = NULL;

  /* A power cycle, as one step of the lab's history. */
  cord_topology_begin_group (topology, _("Reload"));
  if (!cord_topology_set_power (topology, device, FALSE, &error) ||
      !cord_topology_set_power (topology, device, TRUE, &error))
    {
      /* Nothing refuses a power cycle today; should it, the console
       * carries on. */
      g_warning ("%s: %s", device->name, error->message);
      c->reload_pending = FALSE;
      cord_console_job_end (c);
    }
  cord_topology_end_group (topology);
}

/* --- Topology signals ---------------------------------------------------- */

static void
on_device_added (CordTopology *topology,
                 CordDevice   *device,
                 CordConsoles *consoles)
{
  CordConsole *c = console_new (consoles, device);

  if (c != NULL)
    g_hash_table_insert (consoles->by_device, device, c);
}

static void
on_device_removed (CordTopology *topology,
                   CordDevice   *device,
                   CordConsoles *consoles)
{
  g_hash_table_remove (consoles->by_device, device);
}

static void
on_device_changed (CordTopology *topology,
                   CordDevice   *device,
                   guint         what,
                   CordConsoles *consoles)
{
  CordConsole *c = g_hash_table_lookup (consoles->by_device, device);

  if (c == NULL || !(what & CORD_DEVICE_CHANGED_POWER))
    return;
  if (!device->powered && c->state != CONSOLE_OFF)
    console_stop (c);
  else if (device->powered && c->state == CONSOLE_OFF)
    console_start (c, FALSE);
}

/* The sim has one port hook, and the consoles own it: a port's line going
 * up or down shows on its device's console (cmd-interface.c words it, and
 * stays silent when a command typed there caused it: that command says
 * what it did). */
static void
on_port_changed (CordSim  *sim,
                 CordPort *port,
                 gboolean  up,
                 gpointer  user_data)
{
  CordConsoles *consoles = user_data;
  CordConsole *c = g_hash_table_lookup (consoles->by_device, port->device);

  if (c != NULL && c->ios != NULL)
    port_changed (c, port, up);
  if (consoles->port_hook != NULL)
    consoles->port_hook (sim, port, up, consoles->port_hook_data);
}

void
cord_consoles_set_port_hook (CordConsoles    *consoles,
                             CordSimPortHook  hook,
                             gpointer         user_data)
{
  g_return_if_fail (consoles != NULL);

  consoles->port_hook = hook;
  consoles->port_hook_data = user_data;
}

/* --- Public: the set --------------------------------------------------- */

CordConsoles *
cord_consoles_new (CordSim *sim)
{
  CordConsoles *consoles;

  g_return_val_if_fail (sim != NULL, NULL);

  consoles = g_new0 (CordConsoles, 1);
  consoles->sim = sim;
  consoles->topology = g_object_ref (cord_sim_get_topology (sim));
  consoles->engine = cord_sim_get_engine (sim);
  consoles->cli = cord_ios_cli_ref (cord_ios_cli_get_default ());
  consoles->by_device = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) console_free);
  cord_sim_set_port_hook (sim, on_port_changed, consoles);
  cord_topology_set_command_runner (consoles->topology, _cord_consoles_run_commands, consoles);
  for (guint i = 0; i < cord_topology_get_n_devices (consoles->topology); i++)
    on_device_added (consoles->topology, cord_topology_get_device (consoles->topology, i), consoles);
  g_signal_connect (consoles->topology, "device-added", G_CALLBACK (on_device_added), consoles);
  g_signal_connect (consoles->topology, "device-removed", G_CALLBACK (on_device_removed), consoles);
  g_signal_connect (consoles->topology, "device-changed", G_CALLBACK (on_device_changed), consoles);
  return consoles;
}

void
cord_consoles_free (CordConsoles *consoles)
{
  if (consoles == NULL)
    return;
  g_signal_handlers_disconnect_by_data (consoles->topology, consoles);
  cord_topology_set_command_runner (consoles->topology, NULL, NULL);
  cord_sim_set_port_hook (consoles->sim, NULL, NULL);
  g_hash_table_unref (consoles->by_device);
  cord_ios_cli_unref (consoles->cli);
  g_object_unref (consoles->topology);
  g_free (consoles);
}

CordSim *
cord_consoles_get_sim (CordConsoles *consoles)
{
  g_return_val_if_fail (consoles != NULL, NULL);
  return consoles->sim;
}

CordConsole *
cord_consoles_lookup (CordConsoles *consoles,
                      CordDevice   *device)
{
  g_return_val_if_fail (consoles != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);
  return g_hash_table_lookup (consoles->by_device, device);
}

void
cord_consoles_sync_to_topology (CordConsoles *consoles)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (consoles != NULL);

  g_hash_table_iter_init (&iter, consoles->by_device);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    mirror (value);
}

/* --- Public: one console ------------------------------------------------- */

CordDevice *
cord_console_get_device (CordConsole *console)
{
  g_return_val_if_fail (console != NULL, NULL);
  return console->device;
}

CordConsoleKind
cord_console_get_kind (CordConsole *console)
{
  g_return_val_if_fail (console != NULL, CORD_CONSOLE_IOS);
  return console->kind;
}

CordIosSession *
cord_console_get_session (CordConsole *console)
{
  g_return_val_if_fail (console != NULL, NULL);
  return console->session;
}

guint
cord_console_get_boot_errors (CordConsole *console)
{
  g_return_val_if_fail (console != NULL, 0);
  return console->boot_errors;
}

guint
cord_console_add_listener (CordConsole           *console,
                           CordConsoleOutputFunc  func,
                           gpointer               user_data,
                           GDestroyNotify         destroy)
{
  g_return_val_if_fail (console != NULL, 0);
  g_return_val_if_fail (func != NULL, 0);

  return listeners_add (console, console->listeners, func, user_data, destroy);
}

void
cord_console_remove_listener (CordConsole *console,
                              guint        id)
{
  g_return_if_fail (console != NULL);

  listeners_remove (console->listeners, console->emitting, id);
}

guint
cord_console_add_config_listener (CordConsole           *console,
                                  CordConsoleOutputFunc  func,
                                  gpointer               user_data,
                                  GDestroyNotify         destroy)
{
  g_return_val_if_fail (console != NULL, 0);
  g_return_val_if_fail (func != NULL, 0);

  return listeners_add (console, console->config_listeners, func, user_data, destroy);
}

void
cord_console_remove_config_listener (CordConsole *console,
                                     guint        id)
{
  g_return_if_fail (console != NULL);

  listeners_remove (console->config_listeners, console->config_emitting, id);
}

/* --- For ios-configure.c ------------------------------------------------- */

CordIosCli *
_cord_console_get_cli (CordConsole *console)
{
  return console->owner->cli;
}

CordIosDevice *
_cord_console_get_ios (CordConsole  *console,
                       GError      **error)
{
  CordDevice *device = console->device;

  if (console->kind != CORD_CONSOLE_IOS)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%s (%s) has no IOS; configure it with its own settings"),
                   device->name, device->model->name);
      return NULL;
    }
  if (console->state == CONSOLE_OFF || !device->powered)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_FAILED,
                   _("%s is switched off. Power it on to configure it."), device->name);
      return NULL;
    }
  if (console->state == CONSOLE_BOOTING || console->ios == NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_BUSY,
                   _("%s is still booting. Wait until it has started, then try again."),
                   device->name);
      return NULL;
    }
  return console->ios;
}

void
_cord_console_log (CordConsole *console,
                   const char  *message)
{
  console_log (console, message);
}

void
_cord_console_mirror (CordConsole *console)
{
  mirror (console);
}

void
_cord_console_config_emit (CordConsole *console,
                           const char  *text)
{
  listeners_call (console, console->config_listeners, &console->config_emitting,
                  text, strlen (text));
}

const char *
cord_console_get_scrollback (CordConsole *console,
                             gsize       *len)
{
  const char *start;
  gsize size;

  g_return_val_if_fail (console != NULL, NULL);

  start = console->scrollback->str;
  size = console->scrollback->len;
  /* Whole lines only: the first may have been cut. */
  if (size > CORD_CONSOLE_SCROLLBACK_BYTES)
    {
      const char *cut = start + size - CORD_CONSOLE_SCROLLBACK_BYTES;
      const char *nl = memchr (cut, '\n', start + size - cut);

      start = nl != NULL ? nl + 1 : cut;
      size = console->scrollback->str + console->scrollback->len - start;
    }
  if (len != NULL)
    *len = size;
  return start;
}

gboolean
cord_console_is_busy (CordConsole *console)
{
  g_return_val_if_fail (console != NULL, FALSE);

  if (console->kind == CORD_CONSOLE_PC)
    return console->prompt != NULL && cord_pc_prompt_is_busy (console->prompt);
  return console->state == CONSOLE_BOOTING || console->job || console->reload_pending;
}

gboolean
cord_console_run_until_idle (CordConsole  *console,
                             guint64       max_ns,
                             GError      **error)
{
  CordEngine *engine;
  guint64 deadline;

  g_return_val_if_fail (console != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  engine = console->owner->engine;
  deadline = cord_engine_now (engine) + MIN (max_ns, G_MAXUINT64 - cord_engine_now (engine));
  while (cord_console_is_busy (console))
    {
      guint64 next;

      if (!cord_engine_next_time (engine, &next) || next > deadline)
        {
          cord_engine_run_until (engine, deadline);
          if (!cord_console_is_busy (console))
            break;
          g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                       _("%s's console was still busy after %lu"
                         " seconds of virtual time; end what runs with Ctrl-^ "
                         "(@press ctrl-^) or wait longer with @sleep"),
                       console->device->name, (unsigned long) (max_ns / CORD_ENGINE_NS_PER_SEC));
          return FALSE;
        }
      cord_engine_step (engine);
    }
  return TRUE;
}

/* --- Keys ---------------------------------------------------------------- */

/* The initial configuration dialog reads one answer. */
static gsize
dialog_feed (CordConsole *c,
             const char  *bytes,
             gsize        len)
{
  for (gsize i = 0; i < len; i++)
    {
      char ch = bytes[i];
      g_autofree char *answer = NULL;
      g_autoptr(GString) out = NULL;
      char *message;

      if ((ch == 0x08 || ch == 0x7f) && c->answer->len > 0)
        {
          g_string_truncate (c->answer, c->answer->len - 1);
          emit (c, "\b \b", 3);
          continue;
        }
      if (ch != '\r' && ch != '\n')
        {
          if (g_ascii_isprint (ch) && c->answer->len < CORD_LIMIT_CONSOLE_LINE)
            {
              g_string_append_c (c->answer, ch);
              emit (c, &ch, 1);
            }
          continue;
        }
      answer = g_ascii_strdown (g_strstrip (c->answer->str), -1);
      g_string_truncate (c->answer, 0);
      out = g_string_new ("\n");
      if (*answer == '\0' || (!g_str_has_prefix ("yes", answer) && !g_str_has_prefix ("no", answer)))
        {
          g_string_append_printf (out, "%s\n", _("% Please answer 'yes' or 'no'."));
          g_string_append (out, _("Would you like to enter the initial configuration dialog? [yes/no]: "));
          emit_text (c, out->str);
          continue;
        }
      /* Patchcord has no setup dialog: saying so beats pretending. */
      if (answer[0] == 'y')
        g_string_append_printf (out, "%s\n",
                                _("% The initial configuration dialog is not available; "
                                  "configure the device from the command line."));
      g_string_append (out, "\n\n");
      emit_text (c, out->str);
      c->state = CONSOLE_RUNNING;
      cord_ios_session_start (c->session);
      while ((message = g_queue_pop_head (&c->pending_logs)) != NULL)
        {
          cord_ios_session_log (c->session, message);
          g_free (message);
        }
      /* The LF of a CR LF belongs to this answer. */
      if (ch == '\r' && i + 1 < len && bytes[i + 1] == '\n')
        i++;
      return i + 1;
    }
  return len;
}

/* Keys typed while a job runs: Ctrl-^ ends it, the rest waits. */
static gsize
queue_keys (CordConsole *c,
            const char  *bytes,
            gsize        len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (bytes[i] == 0x1e && c->job)
        {
          c->after_escape = TRUE;
          c->job_abort (c->job_data);
          g_assert (!c->job);
          return i + 1;
        }
      if (c->typeahead->len < CORD_CONSOLE_TYPEAHEAD_BYTES)
        g_string_append_c (c->typeahead, bytes[i]);
    }
  return len;
}

/* IOS counts idle time at the prompt: from the last key, and not while a
 * command runs, the device reloads or the setup dialog asks. */
static void
idle_restart (CordConsole *c)
{
  if (c->state == CONSOLE_RUNNING && !c->job && !c->reload_pending)
    _cord_exec_timeout_restart (&c->exec_timeout, c->session);
  else
    _cord_exec_timeout_stop (&c->exec_timeout);
}

static void
ios_feed (CordConsole *c,
          const char  *bytes,
          gsize        len)
{
  gboolean entered = FALSE;

  while (len > 0 && c->state != CONSOLE_OFF && c->state != CONSOLE_BOOTING)
    {
      gsize n;

      if (c->after_escape)
        {
          c->after_escape = FALSE;
          /* The x of Ctrl-^ x is part of the escape. */
          if (bytes[0] == 'x' || bytes[0] == 'X')
            {
              bytes++, len--;
              continue;
            }
        }
      if (c->job || c->reload_pending)
        n = queue_keys (c, bytes, len);
      else if (c->state == CONSOLE_DIALOG)
        n = dialog_feed (c, bytes, len);
      else
        {
          /* Up to the next Enter: its command may start a job that the
           * rest of the keys must wait for. */
          for (n = 0; n < len && bytes[n] != '\r' && bytes[n] != '\n'; n++)
            ;
          if (n < len)
            {
              n++;
              entered = TRUE;
            }
          cord_ios_session_feed (c->session, bytes, n);
        }
      bytes += n;
      len -= n;
    }
  /* Every key restarts the count, with the line's setting of now. */
  idle_restart (c);
  if (entered)
    mirror (c);
}

void
cord_console_feed (CordConsole *console,
                   const char  *bytes,
                   gsize        len)
{
  g_return_if_fail (console != NULL);
  g_return_if_fail (bytes != NULL || len == 0);

  if (console->kind == CORD_CONSOLE_PC)
    {
      if (console->prompt != NULL)
        cord_pc_prompt_feed (console->prompt, bytes, len);
      return;
    }
  ios_feed (console, bytes, len);
}

/* --- For command handlers -------------------------------------------------- */

CordConsole *
cord_ios_console_from_exec (CordIosExec *exec)
{
  CordConsole *c;

  g_return_val_if_fail (exec != NULL, NULL);

  c = cord_ios_device_get_data (cord_ios_exec_get_device (exec), CONSOLE_KEY);
  /* Only commands typed on con0: a config read at boot runs in a session
   * of its own, and runs nothing that lasts (`do reload`). */
  return c != NULL && cord_ios_exec_get_session (exec) == c->session ? c : NULL;
}

void
cord_ios_console_log (CordIosDevice *ios,
                      const char    *message)
{
  CordConsole *c;

  g_return_if_fail (ios != NULL);
  g_return_if_fail (message != NULL);

  c = cord_ios_device_get_data (ios, CONSOLE_KEY);
  if (c != NULL && !c->replaying)
    console_log (c, message);
}

void
cord_console_job_begin (CordConsole          *console,
                        CordConsoleAbortFunc  abort,
                        gpointer              user_data)
{
  g_return_if_fail (console != NULL);
  g_return_if_fail (abort != NULL);
  g_return_if_fail (!console->job && console->state == CONSOLE_RUNNING);

  console->job = TRUE;
  console->job_abort = abort;
  console->job_data = user_data;
}

void
cord_console_print (CordConsole *console,
                        const char  *text)
{
  g_return_if_fail (console != NULL);
  g_return_if_fail (text != NULL);

  /* A device switched off shows nothing, however its jobs end. */
  if (console->state != CONSOLE_OFF && console->device->powered)
    emit_text (console, text);
}

void
cord_console_job_end (CordConsole *console)
{
  g_autoptr(GString) held = NULL;
  g_autoptr(GString) keys = NULL;

  g_return_if_fail (console != NULL);

  console->job = FALSE;
  console->job_abort = NULL;
  console->job_data = NULL;
  /* Switched off (the sim ends a device's pings before the console hears
   * of the power-off) or going to reload: what waited is lost. */
  if (console->closing || console->reload_pending || !console->device->powered)
    {
      g_string_truncate (console->held, 0);
      g_string_truncate (console->typeahead, 0);
      return;
    }
  held = console->held;
  keys = console->typeahead;
  console->held = g_string_new (NULL);
  console->typeahead = g_string_new (NULL);
  emit (console, held->str, held->len);
  ios_feed (console, keys->str, keys->len);
}

gboolean
cord_console_save_config (CordConsole  *console,
                          GError      **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (console != NULL && console->ios != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = running_config (console);
  if (!cord_topology_set_config (console->owner->topology, console->device,
                                 CORD_CONFIG_STARTUP, text, error))
    return FALSE;
  g_free (console->saved_config);
  console->saved_config = g_steal_pointer (&text);
  return TRUE;
}

gboolean
cord_console_erase_config (CordConsole  *console,
                           GError      **error)
{
  g_return_val_if_fail (console != NULL && console->ios != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cord_topology_set_config (console->owner->topology, console->device,
                                 CORD_CONFIG_STARTUP, NULL, error))
    return FALSE;
  /* What runs is no longer saved anywhere. */
  g_clear_pointer (&console->saved_config, g_free);
  return TRUE;
}

gboolean
cord_console_config_modified (CordConsole *console)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (console != NULL && console->ios != NULL, FALSE);

  text = running_config (console);
  return g_strcmp0 (text, console->saved_config) != 0;
}

void
cord_console_reload (CordConsole *console)
{
  g_return_if_fail (console != NULL);
  g_return_if_fail (console->state == CONSOLE_RUNNING && console->kind == CORD_CONSOLE_IOS);

  /* Not from inside the command: the session that runs it goes away. */
  console->reload_pending = TRUE;
  cord_timer_start (console->owner->engine, &console->reload_timer, 0);
}
