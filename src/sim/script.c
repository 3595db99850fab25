/* SPDX-License-Identifier: GPL-3.0-or-later */
/* patchcord-sim scripts: @-commands to the simulator and lines typed into consoles. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cord-error.h"
#include "cord-limits.h"
#include "ifname.h"
#include "script.h"

struct _CordScript {
  CordTopology  *topology;
  CordEngine    *engine;
  CordSim       *sim;
  CordConsoles  *consoles;
  GOutputStream *output;
  GError        *output_error; /* the first failed write */
  gboolean       lf;           /* CR LF written as LF */
  gboolean       pending_cr;   /* a CR ended the last output */
  char          *console;      /* name, when selected, of the device whose console takes typed lines */
  guint          console_id;   /* its id: `hostname` may rename it meanwhile */
  CordConsole   *listening;    /* whose output goes to @output */
  guint          listener;
};

typedef gboolean (*CommandFunc) (CordScript  *script,
                                 char       **argv,
                                 guint        argc,
                                 GError     **error);

typedef struct {
  const char  *name;
  guint        min_args;
  guint        max_args;
  const char  *usage;
  CommandFunc  func;
} Command;

CordScript *
cord_script_new (CordTopology *topology,
                 CordEngine   *engine)
{
  CordScript *script;

  g_return_val_if_fail (CORD_IS_TOPOLOGY (topology), NULL);
  g_return_val_if_fail (engine != NULL, NULL);

  script = g_new0 (CordScript, 1);
  script->topology = g_object_ref (topology);
  script->engine = engine;
  script->sim = cord_sim_new (topology, engine);
  script->consoles = cord_consoles_new (script->sim);
  return script;
}

void
cord_script_free (CordScript *script)
{
  if (script == NULL)
    return;
  /* The consoles go first: they hold jobs running in the sim. */
  g_clear_pointer (&script->consoles, cord_consoles_free);
  g_clear_error (&script->output_error);
  g_clear_pointer (&script->sim, cord_sim_free);
  g_clear_object (&script->topology);
  g_clear_object (&script->output);
  g_free (script->console);
  g_free (script);
}

void
cord_script_set_output (CordScript    *script,
                        GOutputStream *output)
{
  g_return_if_fail (script != NULL);
  g_set_object (&script->output, output);
}

void
cord_script_set_lf (CordScript *script,
                    gboolean    lf)
{
  g_return_if_fail (script != NULL);
  script->lf = lf;
}

CordSim *
cord_script_get_sim (CordScript *script)
{
  g_return_val_if_fail (script != NULL, NULL);
  return script->sim;
}

CordConsoles *
cord_script_get_consoles (CordScript *script)
{
  g_return_val_if_fail (script != NULL, NULL);
  return script->consoles;
}

gboolean
cord_script_finish (CordScript  *script,
                    GError     **error)
{
  g_return_val_if_fail (script != NULL, FALSE);

  if (!cord_sim_capture_stop_all (script->sim, error))
    return FALSE;
  if (script->output_error != NULL)
    {
      g_set_error (error, script->output_error->domain, script->output_error->code,
                   _("cannot write console output: %s"), script->output_error->message);
      return FALSE;
    }
  return TRUE;
}

const char *
cord_script_get_console (CordScript *script)
{
  CordDevice *device;

  g_return_val_if_fail (script != NULL, NULL);

  device = script->console_id != 0 ? cord_topology_lookup_device (script->topology, script->console_id) : NULL;
  return device != NULL ? device->name : script->console;
}

static CordDevice *
need_device (CordScript  *script,
             const char  *name,
             GError     **error)
{
  CordDevice *device = cord_topology_find_device (script->topology, name);

  if (device == NULL)
    g_set_error (error, CORD_ERROR, CORD_ERROR_UNKNOWN_DEVICE,
                 _("there is no device called “%s”"), name);
  return device;
}

static gboolean
parse_number (const char  *text,
              double      *out,
              GError     **error)
{
  char *end = NULL;

  *out = g_ascii_strtod (text, &end);
  if (*text == '\0' || end == NULL || *end != '\0' || !isfinite (*out))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_PARSE,
                   _("“%s” is not a number"), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
cmd_add (CordScript  *script,
         char       **argv,
         guint        argc,
         GError     **error)
{
  double x = 0, y = 0;

  if (argc == 3)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_PARSE,
                   _("give both X and Y, or neither"));
      return FALSE;
    }
  if (argc == 4 && (!parse_number (argv[2], &x, error) || !parse_number (argv[3], &y, error)))
    return FALSE;
  return cord_topology_add_device (script->topology, argv[0], argv[1], x, y, error) != NULL;
}

static gboolean
cmd_link (CordScript  *script,
          char       **argv,
          guint        argc,
          GError     **error)
{
  CordDevice *a, *b;
  CordPort *pa, *pb;
  CordCable cable = CORD_CABLE_AUTO;

  if ((a = need_device (script, argv[0], error)) == NULL ||
      (pa = cord_ifname_lookup (a, argv[1], error)) == NULL ||
      (b = need_device (script, argv[2], error)) == NULL ||
      (pb = cord_ifname_lookup (b, argv[3], error)) == NULL)
    return FALSE;
  if (argc == 5 && !cord_cable_from_string (argv[4], &cable))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_PARSE,
                   _("unknown cable “%s”; use auto, straight, cross, fiber, "
                     "serial-dce, serial-dte or console"), argv[4]);
      return FALSE;
    }
  return cord_topology_connect (script->topology, pa, pb, cable, error) != NULL;
}

static gboolean
cmd_unlink (CordScript  *script,
            char       **argv,
            guint        argc,
            GError     **error)
{
  CordDevice *device;
  CordPort *port;

  if ((device = need_device (script, argv[0], error)) == NULL ||
      (port = cord_ifname_lookup (device, argv[1], error)) == NULL)
    return FALSE;
  if (port->link == NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("%s on %s has no cable"), port->name, device->name);
      return FALSE;
    }
  return cord_topology_disconnect (script->topology, port->link, error);
}

static gboolean
cmd_power (CordScript  *script,
           char       **argv,
           guint        argc,
           GError     **error)
{
  CordDevice *device = need_device (script, argv[0], error);
  gboolean on;

  if (device == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (argv[1], "on") == 0)
    on = TRUE;
  else if (g_ascii_strcasecmp (argv[1], "off") == 0)
    on = FALSE;
  else
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_PARSE,
                   _("power takes on or off, not “%s”"), argv[1]);
      return FALSE;
    }
  return cord_topology_set_power (script->topology, device, on, error);
}

static gboolean
cmd_module (CordScript  *script,
            char       **argv,
            guint        argc,
            GError     **error)
{
  CordDevice *device = need_device (script, argv[0], error);

  return device != NULL &&
         cord_topology_insert_module (script->topology, device, argv[1], argv[2], error);
}

static gboolean
cmd_unmodule (CordScript  *script,
              char       **argv,
              guint        argc,
              GError     **error)
{
  CordDevice *device = need_device (script, argv[0], error);

  return device != NULL &&
         cord_topology_remove_module (script->topology, device, argv[1], error);
}

static gboolean
cmd_sleep (CordScript  *script,
           char       **argv,
           guint        argc,
           GError     **error)
{
  double seconds;

  if (!parse_number (argv[0], &seconds, error))
    return FALSE;
  /* A day of virtual time is more than any lab needs in one step. */
  if (seconds < 0 || seconds > 86400)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                   _("sleep takes from 0 to 86400 seconds, not %s"), argv[0]);
      return FALSE;
    }
  cord_engine_run_for (script->engine, (guint64) llround (seconds * 1e9));
  return TRUE;
}

static gboolean
cmd_pcap (CordScript  *script,
          char       **argv,
          guint        argc,
          GError     **error)
{
  CordDevice *device;
  CordPort *port;

  if ((device = need_device (script, argv[0], error)) == NULL ||
      (port = cord_ifname_lookup (device, argv[1], error)) == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (argv[2], "off") == 0)
    return cord_sim_capture_stop (script->sim, port, error);
  return cord_sim_capture_start (script->sim, port, argv[2], error);
}

static void
write_output (CordScript *script,
              const char *data,
              gsize       len)
{
  if (len > 0 && script->output_error == NULL)
    g_output_stream_write_all (script->output, data, len, NULL, NULL, &script->output_error);
}

/* The current console's bytes, CR LF made LF on request (a CR that ends
 * one piece of output waits to see what follows it). */
static void
console_output (CordConsole *console,
                const char  *data,
                gsize        len,
                gpointer     user_data)
{
  CordScript *script = user_data;
  gsize from = 0;

  if (script->output == NULL)
    return;
  if (!script->lf)
    {
      write_output (script, data, len);
      return;
    }
  if (script->pending_cr && len > 0 && data[0] != '\n')
    write_output (script, "\r", 1);
  script->pending_cr = FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (data[i] != '\r')
        continue;
      if (i + 1 < len && data[i + 1] != '\n')
        continue;
      write_output (script, data + from, i - from);
      from = i + 1;
      script->pending_cr = i + 1 == len;
    }
  write_output (script, data + from, len - from);
}

/* Runs when the console goes away with its device. */
static void
console_gone (gpointer user_data)
{
  CordScript *script = user_data;

  script->listening = NULL;
  script->listener = 0;
}

static void
listen_to (CordScript  *script,
           CordConsole *console)
{
  if (script->listening == console)
    return;
  if (script->listening != NULL)
    cord_console_remove_listener (script->listening, script->listener);
  script->listening = console;
  script->listener = cord_console_add_listener (console, console_output, script, console_gone);
}

static gboolean
select_console (CordScript  *script,
                const char  *name,
                GError     **error)
{
  CordDevice *device = need_device (script, name, error);
  CordConsole *console;

  if (device == NULL)
    return FALSE;
  console = cord_consoles_lookup (script->consoles, device);
  if (console == NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_NOT_SUPPORTED,
                   _("%s is a %s, which has no console"), name, device->model->name);
      return FALSE;
    }
  g_free (script->console);
  script->console = g_strdup (name);
  script->console_id = device->id;
  listen_to (script, console);
  return TRUE;
}

gboolean
cord_script_type (CordScript  *script,
                  const char  *bytes,
                  gsize        len,
                  GError     **error)
{
  CordDevice *device;
  CordConsole *console;

  g_return_val_if_fail (script != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL || len == 0, FALSE);

  if (script->console == NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_INVALID,
                   _("no console is selected; write @NAME first to type into "
                     "NAME's console"));
      return FALSE;
    }
  device = cord_topology_lookup_device (script->topology, script->console_id);
  console = device != NULL ? cord_consoles_lookup (script->consoles, device) : NULL;
  if (console == NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_UNKNOWN_DEVICE,
                   _("the selected console's device, %s, is gone; select another "
                     "with @NAME"), script->console);
      return FALSE;
    }
  /* A device that is off shows nothing and hears nothing: a script that
   * types into one has lost track. */
  if (!device->powered)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_POWERED,
                   _("%s is switched off, so its console does not answer; "
                     "switch it on with @power %s on"), device->name, device->name);
      return FALSE;
    }
  listen_to (script, console);
  if (!cord_console_run_until_idle (console, CORD_SCRIPT_IDLE_MAX_NS, error))
    return FALSE;
  cord_console_feed (console, bytes, len);
  return cord_console_run_until_idle (console, CORD_SCRIPT_IDLE_MAX_NS, error);
}

static gboolean
type_line (CordScript  *script,
           const char  *line,
           GError     **error)
{
  g_autofree char *typed = g_strconcat (line, "\r", NULL);

  return cord_script_type (script, typed, strlen (typed), error);
}

/* What @press types, by name. */
static const struct {
  const char *name;
  const char *bytes;
} keys[] = {
  { "return", "\r" }, { "enter", "\r" }, { "space", " " }, { "tab", "\t" },
  { "backspace", "\x7f" }, { "escape", "\x1b" }, { "question", "?" },
  { "up", "\x1b[A" }, { "down", "\x1b[B" }, { "right", "\x1b[C" }, { "left", "\x1b[D" },
  /* IOS's escape sequence, Ctrl-Shift-6. */
  { "ctrl-^", "\x1e" }, { "ctrl-shift-6", "\x1e" },
};

static gboolean
cmd_press (CordScript  *script,
           char       **argv,
           guint        argc,
           GError     **error)
{
  g_autoptr(GString) typed = g_string_new (NULL);

  for (guint i = 0; i < argc; i++)
    {
      const char *key = argv[i];
      gboolean found = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (keys) && !found; k++)
        if (g_ascii_strcasecmp (key, keys[k].name) == 0)
          {
            g_string_append (typed, keys[k].bytes);
            found = TRUE;
          }
      if (!found && strlen (key) == 6 && g_ascii_strncasecmp (key, "ctrl-", 5) == 0 &&
          g_ascii_isalpha (key[5]))
        {
          g_string_append_c (typed, (char) (g_ascii_toupper (key[5]) & 0x1f));
          found = TRUE;
        }
      if (!found)
        {
          g_set_error (error, CORD_ERROR, CORD_ERROR_PARSE,
                       _("unknown key “%s”; keys are return, space, tab, backspace, "
                         "escape, question, up, down, left, right, ctrl-A to ctrl-Z "
                         "and ctrl-^"), key);
          return FALSE;
        }
    }
  return cord_script_type (script, typed->str, typed->len, error);
}

static const Command commands[] = {
  { "add",      2, 4, "@add MODEL NAME [X Y]", cmd_add },
  { "link",     4, 5, "@link NAME PORT NAME PORT [auto|straight|cross|fiber|serial-dce|serial-dte|console]", cmd_link },
  { "unlink",   2, 2, "@unlink NAME PORT", cmd_unlink },
  { "power",    2, 2, "@power NAME on|off", cmd_power },
  { "module",   3, 3, "@module NAME SLOT MODULE", cmd_module },
  { "unmodule", 2, 2, "@unmodule NAME SLOT", cmd_unmodule },
  { "sleep",    1, 1, "@sleep SECONDS", cmd_sleep },
  { "pcap",     3, 3, "@pcap NAME PORT FILE|off", cmd_pcap },
  { "press",    1, 16, "@press KEY...", cmd_press },
};

gboolean
cord_script_run_line (CordScript  *script,
                      const char  *line,
                      guint        lineno,
                      GError     **error)
{
  g_auto(GStrv) argv = NULL;
  g_autoptr(GPtrArray) words = NULL;
  GError *local = NULL;
  const char *p;
  gboolean ok = FALSE;

  g_return_val_if_fail (script != NULL, FALSE);
  g_return_val_if_fail (line != NULL, FALSE);

  if (strlen (line) > CORD_LIMIT_SCRIPT_LINE)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                   _("line %u: the line is longer than %u characters"),
                   lineno, CORD_LIMIT_SCRIPT_LINE);
      return FALSE;
    }
  if (!g_utf8_validate (line, -1, NULL))
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_PARSE,
                   _("line %u: the line is not valid UTF-8 text"), lineno);
      return FALSE;
    }

  p = line;
  while (g_ascii_isspace (*p))
    p++;
  /* Blank lines and # comments are for the reader of the script. */
  if (*p == '\0' || *p == '#')
    return TRUE;

  if (*p != '@')
    ok = type_line (script, line, &local);
  else
    {
      const Command *command = NULL;

      words = g_ptr_array_new ();
      argv = g_strsplit_set (p + 1, " \t\r\n", -1);
      for (guint i = 0; argv[i] != NULL; i++)
        if (*argv[i] != '\0')
          g_ptr_array_add (words, argv[i]);
      if (words->len == 0)
        {
          g_set_error (&local, CORD_ERROR, CORD_ERROR_PARSE,
                       _("“@” must be followed by a command or a device name"));
          goto out;
        }
      for (guint i = 0; i < G_N_ELEMENTS (commands) && command == NULL; i++)
        if (strcmp (words->pdata[0], commands[i].name) == 0)
          command = &commands[i];
      if (command == NULL)
        {
          /* "@R1" selects R1's console; a device may not be called
           * after a command, which a one-word line makes clear. */
          if (words->len == 1 && cord_topology_find_device (script->topology, words->pdata[0]))
            ok = select_console (script, words->pdata[0], &local);
          else if (words->len == 1)
            g_set_error (&local, CORD_ERROR, CORD_ERROR_UNKNOWN_DEVICE,
                         _("“@%s” is neither a command (add, link, unlink, power, "
                           "module, unmodule, sleep, pcap, press) nor a device"),
                         (const char *) words->pdata[0]);
          else
            g_set_error (&local, CORD_ERROR, CORD_ERROR_PARSE,
                         _("unknown command “@%s”; the commands are add, link, "
                           "unlink, power, module, unmodule, sleep, pcap and press"),
                         (const char *) words->pdata[0]);
          goto out;
        }
      if (words->len - 1 < command->min_args || words->len - 1 > command->max_args)
        {
          g_set_error (&local, CORD_ERROR, CORD_ERROR_PARSE,
                       _("wrong number of arguments; usage: %s"), command->usage);
          goto out;
        }
      ok = command->func (script, (char **) words->pdata + 1, words->len - 1, &local);
    }

out:
  if (!ok)
    {
      g_set_error (error, local->domain, local->code, _("line %u: %s"), lineno, local->message);
      g_error_free (local);
    }
  return ok;
}

/* Feeds one complete line (without its end) to the script. */
static gboolean
run_buffered_line (CordScript  *script,
                   GString     *line,
                   guint        lineno,
                   const char  *name,
                   GError     **error)
{
  GError *local = NULL;

  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);
  /* A NUL inside a line would hide the rest of it. */
  if (memchr (line->str, '\0', line->len) != NULL)
    {
      g_set_error (error, CORD_ERROR, CORD_ERROR_PARSE,
                   _("%s: line %u: the line contains a NUL byte"), name, lineno);
      return FALSE;
    }
  if (!cord_script_run_line (script, line->str, lineno, &local))
    {
      g_propagate_prefixed_error (error, local, "%s: ", name);
      return FALSE;
    }
  return TRUE;
}

gboolean
cord_script_run_stream (CordScript    *script,
                        GInputStream  *input,
                        const char    *name,
                        GError       **error)
{
  g_autoptr(GString) line = g_string_new (NULL);
  guint lineno = 1;
  char buf[4096];

  g_return_val_if_fail (script != NULL, FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (input), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  /* Read in blocks rather than whole lines, so that a line with no end
   * is refused at the limit instead of filling memory. */
  for (;;)
    {
      GError *local = NULL;
      gssize n = g_input_stream_read (input, buf, sizeof buf, NULL, &local);

      if (n < 0)
        {
          g_propagate_prefixed_error (error, local, "%s: ", name);
          return FALSE;
        }
      if (n == 0)
        break;
      for (gssize i = 0; i < n; i++)
        {
          if (buf[i] == '\n')
            {
              if (!run_buffered_line (script, line, lineno, name, error))
                return FALSE;
              g_string_truncate (line, 0);
              lineno++;
              continue;
            }
          if (line->len > CORD_LIMIT_SCRIPT_LINE)
            {
              g_set_error (error, CORD_ERROR, CORD_ERROR_LIMIT,
                           _("%s: line %u: the line is longer than %u characters"),
                           name, lineno, CORD_LIMIT_SCRIPT_LINE);
              return FALSE;
            }
          g_string_append_c (line, buf[i]);
        }
    }
  if (line->len > 0)
    return run_buffered_line (script, line, lineno, name, error);
  return TRUE;
}
