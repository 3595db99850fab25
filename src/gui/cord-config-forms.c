/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordConfigPage's four forms: global settings, static routes, the VLAN database and an interface, each built for the page and filled in from the device. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cmd-interface.h"
#include "cord-config-page-private.h"
#include "frame.h"
#include "ios-console.h"
#include "ip.h"
#include "switching.h"

/* --- Global settings ------------------------------------------------------- */

static void
apply_display_name (CordConfigPage *self,
                    GtkEditable    *entry)
{
  const char *name = gtk_editable_get_text (entry);
  g_autoptr(GError) error = NULL;

  if (strcmp (name, self->device->name) == 0)
    return;
  if (!cord_topology_rename_device (self->topology, self->device, name, &error))
    _cord_config_page_show_status (self, error->message);
  else
    _cord_config_page_show_status (self, NULL);
  _cord_config_page_form_update (self);
}

static void
apply_hostname (CordConfigPage *self,
                GtkEditable    *entry)
{
  CordIosDevice *ios = _cord_config_page_ios (self);
  const char *name = gtk_editable_get_text (entry);
  g_autofree char *commands = NULL;
  g_autofree char *undo = NULL;

  if (ios == NULL || strcmp (name, ios->hostname) == 0)
    return;
  commands = g_strdup_printf ("hostname %s", name);
  undo = g_strdup_printf ("hostname %s", ios->hostname);
  _cord_config_page_configure (self, commands, undo, _("Change Hostname"));
}

/* The privileged prompt, for the commands the NVRAM buttons stand for. */
static char *
exec_prompt (CordConfigPage *self)
{
  CordIosDevice *ios = _cord_config_page_ios (self);

  return g_strdup_printf ("%s#", ios != NULL ? ios->hostname : self->device->name);
}

static void
on_save (CordConfigPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prompt = exec_prompt (self);
  g_autofree char *text = NULL;

  if (_cord_config_page_ios (self) == NULL)
    return;
  if (!cord_console_save_config (self->console, &error))
    {
      _cord_config_page_show_status (self, error->message);
      return;
    }
  text = g_strdup_printf ("%scopy running-config startup-config\n%s\n%s\n%s\n%s\n", prompt,
                          _("Destination filename [startup-config]? "),
                          _("Building configuration..."), _("[OK]"), prompt);
  _cord_config_page_echo_append (self, text);
  _cord_config_page_show_status (self, NULL);
}

static void
on_erase (CordConfigPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prompt = exec_prompt (self);
  g_autofree char *text = NULL;

  if (_cord_config_page_ios (self) == NULL)
    return;
  if (!cord_console_erase_config (self->console, &error))
    {
      _cord_config_page_show_status (self, error->message);
      return;
    }
  text = g_strdup_printf ("%serase startup-config\n%s\n%s\n%s\n%s\n", prompt,
                          _("Erasing the nvram filesystem will remove all configuration files! Continue? [confirm]"),
                          _("[OK]"), _("Erase of nvram: complete"), prompt);
  _cord_config_page_echo_append (self, text);
  _cord_config_page_show_status (self, NULL);
}

static void
on_load_response (GtkNativeDialog *dialog,
                  int              response,
                  CordConfigPage  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (!g_file_load_contents (file, NULL, &contents, &len, NULL, &error) ||
          !cord_topology_set_config (self->topology, self->device, CORD_CONFIG_STARTUP,
                                     contents, &error))
        _cord_config_page_show_status (self, error->message);
      else
        _cord_config_page_show_status (self, NULL);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static GtkWindow *
page_window (CordConfigPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_load (CordConfigPage *self)
{
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Load Startup Config"), page_window (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Load"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_load_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    CordConfigPage  *self)
{
  const char *text = g_object_get_data (G_OBJECT (dialog), "text");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
        _cord_config_page_show_status (self, error->message);
      else
        _cord_config_page_show_status (self, NULL);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_config (CordConfigPage *self,
               gboolean        running)
{
  CordIosDevice *ios = _cord_config_page_ios (self);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (running && ios != NULL)
    text = cord_ios_cli_write_config (cord_ios_cli_get_default (), ios);
  else if (!running && self->device->startup_config != NULL)
    text = g_strdup (self->device->startup_config);
  if (text == NULL)
    {
      _cord_config_page_show_status (self, running ? _("The device is off: it has no running-config to export")
                                                   : _("NVRAM holds no startup-config to export"));
      return;
    }
  dialog = gtk_file_chooser_native_new (running ? _("Export Running Config") : _("Export Startup Config"),
                                        page_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s-%s.txt", self->device->name, running ? "running-config" : "startup-config");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "text", g_steal_pointer (&text), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_export_startup (CordConfigPage *self)
{
  export_config (self, FALSE);
}

static void
on_export_running (CordConfigPage *self)
{
  export_config (self, TRUE);
}

void
_cord_config_page_build_settings (CordConfigPage *self,
                                  GtkWidget      *form)
{
  GtkWidget *grid = _cord_config_page_section (form, _("Names"));

  self->display_name = _cord_config_page_entry_new (self, "display-name", _cord_config_page_valid_display_name,
                                                    apply_display_name);
  _cord_config_page_grid_row (grid, _("Display Name"), GTK_WIDGET (self->display_name));
  if (!cord_kind_has_ios (self->device->model->kind))
    return;
  self->hostname = _cord_config_page_entry_new (self, "hostname", _cord_config_page_valid_hostname, apply_hostname);
  _cord_config_page_grid_row (grid, _("Hostname"), GTK_WIDGET (self->hostname));
  grid = _cord_config_page_section (form, _("NVRAM"));
  _cord_config_page_grid_row (grid, NULL,
                              _cord_config_page_button_row (_cord_config_page_button_new (_("_Erase"), "erase",
                                                                                          G_CALLBACK (on_erase), self),
                                                            _cord_config_page_button_new (_("_Save"), "save",
                                                                                          G_CALLBACK (on_save), self),
                                                            NULL));
  grid = _cord_config_page_section (form, _("Startup Config"));
  _cord_config_page_grid_row (grid, NULL,
                              _cord_config_page_button_row (_cord_config_page_button_new (_("_Load…"), "load",
                                                                                          G_CALLBACK (on_load), self),
                                                            _cord_config_page_button_new (_("E_xport…"), "export-startup",
                                                                                          G_CALLBACK (on_export_startup), self),
                                                            NULL));
  grid = _cord_config_page_section (form, _("Running Config"));
  _cord_config_page_grid_row (grid, NULL,
                              _cord_config_page_button_row (_cord_config_page_button_new (_("Ex_port…"), "export-running",
                                                                                          G_CALLBACK (on_export_running), self),
                                                            NULL));
}

/* --- Static routes ----------------------------------------------------------- */

static char *
route_spec (const CordRouteInfo *route)
{
  g_autofree char *prefix = _cord_config_page_ipv4 (route->prefix);
  g_autofree char *mask = _cord_config_page_ipv4 (route->mask);
  GString *spec = g_string_new (NULL);

  g_string_append_printf (spec, "%s %s", prefix, mask);
  if (route->ifname != NULL)
    g_string_append_printf (spec, " %s", route->ifname);
  if (route->nexthop != 0)
    {
      g_autofree char *hop = _cord_config_page_ipv4 (route->nexthop);

      g_string_append_printf (spec, " %s", hop);
    }
  return g_string_free (spec, FALSE);
}

static void
on_route_remove (GtkButton      *button,
                 CordConfigPage *self)
{
  /* The key is the route as `ip route` takes it, distance included. */
  const char *key = g_object_get_data (G_OBJECT (button), "key");
  g_auto(GStrv) parts = g_strsplit (key, "|", 2);
  g_autofree char *commands = g_strdup_printf ("no ip route %s", parts[0]);
  g_autofree char *undo = g_strdup_printf ("ip route %s%s", parts[0], parts[1]);

  _cord_config_page_configure (self, commands, undo, _("Remove Static Route"));
}

static void
on_route_add (CordConfigPage *self)
{
  GtkEditable *entries[] = { self->net, self->net_mask, self->next_hop };
  g_autofree char *commands = NULL;
  g_autofree char *undo = NULL;
  guint32 net, mask;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (!_cord_config_page_entry_validate (self, entries[i]))
      {
        _cord_config_page_show_status (self, gtk_widget_get_tooltip_text (GTK_WIDGET (entries[i])));
        return;
      }
  cord_frame_ipv4_parse (gtk_editable_get_text (self->net), &net);
  cord_frame_ipv4_parse (gtk_editable_get_text (self->net_mask), &mask);
  if ((net & ~mask) != 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->net), "error");
      _cord_config_page_show_status (self, _("The network address has bits outside its mask"));
      return;
    }
  commands = g_strdup_printf ("ip route %s %s %s", gtk_editable_get_text (self->net),
                              gtk_editable_get_text (self->net_mask),
                              gtk_editable_get_text (self->next_hop));
  undo = g_strdup_printf ("no %s", commands);
  if (_cord_config_page_configure (self, commands, undo, _("Add Static Route")))
    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      gtk_editable_set_text (entries[i], "");
}

void
_cord_config_page_build_static (CordConfigPage *self,
                                GtkWidget      *form)
{
  GtkWidget *grid = _cord_config_page_section (form, _("Static Routes"));

  self->net = _cord_config_page_entry_new (self, "route-network", _cord_config_page_valid_address, NULL);
  self->net_mask = _cord_config_page_entry_new (self, "route-mask", _cord_config_page_valid_mask, NULL);
  self->next_hop = _cord_config_page_entry_new (self, "route-next-hop", _cord_config_page_valid_address, NULL);
  _cord_config_page_grid_row (grid, _("Network"), GTK_WIDGET (self->net));
  _cord_config_page_grid_row (grid, _("Mask"), GTK_WIDGET (self->net_mask));
  _cord_config_page_grid_row (grid, _("Next Hop"), GTK_WIDGET (self->next_hop));
  _cord_config_page_grid_row (grid, NULL,
                              _cord_config_page_button_row (_cord_config_page_button_new (_("_Add"), "route-add",
                                                                                          G_CALLBACK (on_route_add), self),
                                                            NULL));
  _cord_config_page_section (form, _("Network Address"));
  self->list = _cord_config_page_list_new (form, "routes");
}

void
_cord_config_page_update_static (CordConfigPage *self)
{
  GArray *routes = cord_ip_list_static_routes (_cord_config_page_sim (self), self->device);

  _cord_config_page_list_clear (self->list);
  for (guint i = 0; routes != NULL && i < routes->len; i++)
    {
      const CordRouteInfo *route = &g_array_index (routes, CordRouteInfo, i);
      g_autofree char *spec = route_spec (route);
      g_autofree char *text = g_strdup_printf ("ip route %s", spec);
      g_autofree char *distance = route->distance > 1 ? g_strdup_printf (" %u", route->distance) : g_strdup ("");

      _cord_config_page_list_add (self, self->list, text, G_CALLBACK (on_route_remove),
                                  g_strdup_printf ("%s|%s", spec, distance));
    }
  if (routes == NULL || routes->len == 0)
    _cord_config_page_list_add (self, self->list, _("No static routes"), NULL, NULL);
  if (routes != NULL)
    g_array_unref (routes);
}

/* --- VLAN database ------------------------------------------------------------ */

static char *
vlan_restore (CordConfigPage *self,
              guint           vid)
{
  GArray *vlans = cord_switch_list_vlans (_cord_config_page_sim (self), self->device);
  char *undo = g_strdup_printf ("vlan %u", vid);

  for (guint i = 0; i < vlans->len; i++)
    {
      const CordVlanInfo *vlan = &g_array_index (vlans, CordVlanInfo, i);
      g_autofree char *fallback = g_strdup_printf ("VLAN%04u", vid);

      if (vlan->vid == vid && g_strcmp0 (vlan->name, fallback) != 0)
        {
          g_free (undo);
          undo = g_strdup_printf ("vlan %u\n name %s", vid, vlan->name);
        }
    }
  g_array_unref (vlans);
  return undo;
}

static void
on_vlan_add (CordConfigPage *self)
{
  const char *name = gtk_editable_get_text (self->vlan_name);
  g_autofree char *commands = NULL;
  g_autofree char *undo = NULL;
  guint vid;

  if (!_cord_config_page_entry_validate (self, self->vlan_id) || !_cord_config_page_entry_validate (self, self->vlan_name))
    {
      _cord_config_page_show_status (self, _("Type a VLAN number from 1 to 4094 and a one-word name"));
      return;
    }
  vid = atoi (gtk_editable_get_text (self->vlan_id));
  commands = *name != '\0' ? g_strdup_printf ("vlan %u\n name %s", vid, name)
                           : g_strdup_printf ("vlan %u", vid);
  undo = cord_switch_vlan_exists (_cord_config_page_sim (self), self->device, vid)
           ? vlan_restore (self, vid) : g_strdup_printf ("no vlan %u", vid);
  if (_cord_config_page_configure (self, commands, undo, _("Add VLAN")))
    {
      gtk_editable_set_text (self->vlan_id, "");
      gtk_editable_set_text (self->vlan_name, "");
    }
}

static void
remove_vlan (CordConfigPage *self,
             guint           vid)
{
  g_autofree char *commands = g_strdup_printf ("no vlan %u", vid);
  g_autofree char *undo = NULL;

  if (!cord_switch_vlan_exists (_cord_config_page_sim (self), self->device, vid))
    {
      _cord_config_page_show_status (self, _("There is no such VLAN in the database"));
      return;
    }
  undo = vlan_restore (self, vid);
  _cord_config_page_configure (self, commands, undo, _("Remove VLAN"));
}

static void
on_vlan_remove (CordConfigPage *self)
{
  if (!_cord_config_page_entry_validate (self, self->vlan_id))
    {
      _cord_config_page_show_status (self, gtk_widget_get_tooltip_text (GTK_WIDGET (self->vlan_id)));
      return;
    }
  remove_vlan (self, atoi (gtk_editable_get_text (self->vlan_id)));
}

static void
on_vlan_row_remove (GtkButton      *button,
                    CordConfigPage *self)
{
  remove_vlan (self, atoi (g_object_get_data (G_OBJECT (button), "key")));
}

void
_cord_config_page_build_vlans (CordConfigPage *self,
                               GtkWidget      *form)
{
  GtkWidget *grid = _cord_config_page_section (form, _("VLAN Configuration"));

  self->vlan_id = _cord_config_page_entry_new (self, "vlan-number", _cord_config_page_valid_vlan_id, NULL);
  self->vlan_name = _cord_config_page_entry_new (self, "vlan-name", _cord_config_page_valid_vlan_name, NULL);
  _cord_config_page_grid_row (grid, _("VLAN Number"), GTK_WIDGET (self->vlan_id));
  _cord_config_page_grid_row (grid, _("VLAN Name"), GTK_WIDGET (self->vlan_name));
  _cord_config_page_grid_row (grid, NULL,
                              _cord_config_page_button_row (_cord_config_page_button_new (_("_Add"), "vlan-add",
                                                                                          G_CALLBACK (on_vlan_add), self),
                                                            _cord_config_page_button_new (_("_Remove"), "vlan-remove",
                                                                                          G_CALLBACK (on_vlan_remove), self),
                                                            NULL));
  _cord_config_page_section (form, _("VLANs"));
  self->list = _cord_config_page_list_new (form, "vlans");
}

void
_cord_config_page_update_vlans (CordConfigPage *self)
{
  GArray *vlans = cord_switch_list_vlans (_cord_config_page_sim (self), self->device);

  _cord_config_page_list_clear (self->list);
  for (guint i = 0; i < vlans->len; i++)
    {
      const CordVlanInfo *vlan = &g_array_index (vlans, CordVlanInfo, i);
      g_autofree char *text = g_strdup_printf ("%-5u %s", vlan->vid, vlan->name);

      _cord_config_page_list_add (self, self->list, text, vlan->default_vlan ? NULL : G_CALLBACK (on_vlan_row_remove),
                                  g_strdup_printf ("%u", vlan->vid));
    }
  g_array_unref (vlans);
}

/* --- Interfaces ------------------------------------------------------------- */

static const char *const bandwidth_items[] = { N_("Auto"), N_("100 Mbps"), N_("10 Mbps"), N_("1000 Mbps"), NULL };
static const guint bandwidth_speeds[] = { 0, 100, 10, 1000 };
static const char *const duplex_items[] = { N_("Auto"), N_("Full Duplex"), N_("Half Duplex"), NULL };
static const char *const duplex_words[] = { "auto", "full", "half" };
static const char *const mode_items[] = { N_("Access"), N_("Trunk"), N_("Dynamic Auto"), N_("Dynamic Desirable"), NULL };
static const char *const mode_words[] = { "access", "trunk", "dynamic auto", "dynamic desirable" };

static guint
mode_index (CordSwitchportMode mode)
{
  switch (mode)
    {
    case CORD_SWITCHPORT_ACCESS:            return 0;
    case CORD_SWITCHPORT_TRUNK:             return 1;
    case CORD_SWITCHPORT_DYNAMIC_AUTO:      return 2;
    case CORD_SWITCHPORT_DYNAMIC_DESIRABLE: return 3;
    default:                                return 0;
    }
}

static void
on_port_on (GtkCheckButton *check,
            GParamSpec     *pspec,
            CordConfigPage *self)
{
  gboolean on = gtk_check_button_get_active (check);

  if (self->updating)
    return;
  _cord_config_page_port_configure (self, on ? "no shutdown" : "shutdown", on ? "shutdown" : "no shutdown",
                                    on ? _("Port On") : _("Port Off"));
}

static void
on_bandwidth (GtkDropDown    *drop,
              GParamSpec     *pspec,
              CordConfigPage *self)
{
  CordIosDevice *ios = _cord_config_page_ios (self);
  guint selected = gtk_drop_down_get_selected (drop);
  guint old;
  g_autofree char *command = NULL;
  g_autofree char *undo = NULL;

  if (self->updating || ios == NULL || selected >= G_N_ELEMENTS (bandwidth_speeds))
    return;
  old = cord_ios_interface_get_speed (ios, _cord_config_page_selected_port (self));
  command = bandwidth_speeds[selected] == 0 ? g_strdup ("speed auto")
                                            : g_strdup_printf ("speed %u", bandwidth_speeds[selected]);
  undo = old == 0 ? g_strdup ("speed auto") : g_strdup_printf ("speed %u", old);
  _cord_config_page_port_configure (self, command, undo, _("Bandwidth"));
}

static void
on_duplex (GtkDropDown    *drop,
           GParamSpec     *pspec,
           CordConfigPage *self)
{
  CordIosDevice *ios = _cord_config_page_ios (self);
  guint selected = gtk_drop_down_get_selected (drop);
  g_autofree char *command = NULL;
  g_autofree char *undo = NULL;

  if (self->updating || ios == NULL || selected >= G_N_ELEMENTS (duplex_words))
    return;
  command = g_strdup_printf ("duplex %s", duplex_words[selected]);
  undo = g_strdup_printf ("duplex %s",
                          duplex_words[cord_ios_interface_get_duplex (ios, _cord_config_page_selected_port (self))]);
  _cord_config_page_port_configure (self, command, undo, _("Duplex"));
}

static gboolean
switchport_info (CordConfigPage     *self,
                 CordSwitchportInfo *info)
{
  CordPort *port = cord_device_find_port (self->device, _cord_config_page_selected_port (self));

  return port != NULL && cord_switch_port_get_info (_cord_config_page_sim (self), port, info);
}

static void
on_mode (GtkDropDown    *drop,
         GParamSpec     *pspec,
         CordConfigPage *self)
{
  guint selected = gtk_drop_down_get_selected (drop);
  CordSwitchportInfo info;
  g_autofree char *command = NULL;
  g_autofree char *undo = NULL;

  if (self->updating || selected >= G_N_ELEMENTS (mode_words) || !switchport_info (self, &info))
    return;
  command = g_strdup_printf ("switchport mode %s", mode_words[selected]);
  undo = g_strdup_printf ("switchport mode %s", mode_words[mode_index (info.admin_mode)]);
  _cord_config_page_port_configure (self, command, undo, _("Switchport Mode"));
}

static void
on_vlan_choice (GtkDropDown    *drop,
                GParamSpec     *pspec,
                CordConfigPage *self)
{
  guint selected = gtk_drop_down_get_selected (drop);
  CordSwitchportInfo info;
  const char *what;
  guint vid, old;
  g_autofree char *command = NULL;
  g_autofree char *undo = NULL;

  if (self->updating || self->vlan_ids == NULL || selected >= self->vlan_ids->len ||
      !switchport_info (self, &info))
    return;
  vid = g_array_index (self->vlan_ids, guint16, selected);
  if (info.admin_mode == CORD_SWITCHPORT_TRUNK)
    {
      what = "switchport trunk native vlan";
      old = info.native_vlan;
    }
  else
    {
      what = "switchport access vlan";
      old = info.access_vlan;
    }
  if (vid == old)
    return;
  command = g_strdup_printf ("%s %u", what, vid);
  undo = g_strdup_printf ("%s %u", what, old);
  _cord_config_page_port_configure (self, command, undo, _("VLAN"));
}

/* IP address and mask apply together. */
static void
apply_address (CordConfigPage *self,
               GtkEditable    *entry)
{
  const char *port = _cord_config_page_selected_port (self);
  const char *a = gtk_editable_get_text (self->address);
  const char *m = gtk_editable_get_text (self->mask);
  CordIpIfInfo info = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *undo = NULL;
  g_autofree char *command = NULL;
  guint32 address = 0, mask = 0;

  if (!_cord_config_page_entry_validate (self, self->address) ||
      !_cord_config_page_entry_validate (self, self->mask) ||
      !_cord_config_page_port_info (self, port, &info))
    return;
  cord_frame_ipv4_parse (a, &address);
  cord_frame_ipv4_parse (m, &mask);
  if (address != 0 && mask == 0)
    {
      /* As Packet Tracer does: the mask of the address's class. */
      g_autofree char *classful = _cord_config_page_ipv4 (cord_ip_classful_mask (address));

      gtk_editable_set_text (self->mask, classful);
      mask = cord_ip_classful_mask (address);
    }
  if (*a == '\0' && *m != '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->address), "error");
      cord_ip_if_info_clear (&info);
      return;
    }
  if (address != 0 && !cord_ip_check_address (address, mask, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->address), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->address), error->message);
      _cord_config_page_show_status (self, error->message);
      cord_ip_if_info_clear (&info);
      return;
    }
  if (address == info.address && mask == info.mask)
    {
      cord_ip_if_info_clear (&info);
      return;
    }
  if (info.address != 0)
    {
      g_autofree char *oa = _cord_config_page_ipv4 (info.address);
      g_autofree char *om = _cord_config_page_ipv4 (info.mask);

      undo = g_strdup_printf ("ip address %s %s", oa, om);
    }
  else
    undo = g_strdup ("no ip address");
  cord_ip_if_info_clear (&info);
  if (address != 0)
    {
      g_autofree char *na = _cord_config_page_ipv4 (address);
      g_autofree char *nm = _cord_config_page_ipv4 (mask);

      command = g_strdup_printf ("ip address %s %s", na, nm);
    }
  else
    command = g_strdup ("no ip address");
  g_object_set_data (G_OBJECT (self->address), "dirty", NULL);
  g_object_set_data (G_OBJECT (self->mask), "dirty", NULL);
  /* The field's name, not the Command Prompt's English "IP Address". */
  _cord_config_page_port_configure (self, command, undo, C_("form field", "IP Address"));
}

static char *
mac_command (guint64 mac,
             guint64 bia)
{
  g_autofree char *text = NULL;

  if (mac == 0 || mac == bia)
    return g_strdup ("no mac-address");
  text = cord_mac_format (mac);
  return g_strdup_printf ("mac-address %s", text);
}

static void
apply_mac (CordConfigPage *self,
           GtkEditable    *entry)
{
  CordIpIfInfo info = { 0 };
  g_autofree char *command = NULL;
  g_autofree char *undo = NULL;
  guint64 mac;

  if (!_cord_config_page_port_info (self, _cord_config_page_selected_port (self), &info))
    return;
  _cord_config_page_parse_mac (gtk_editable_get_text (entry), &mac);
  if (mac == 0)
    mac = info.bia;
  if (mac != info.mac)
    {
      command = mac_command (mac, info.bia);
      undo = mac_command (info.mac, info.bia);
    }
  cord_ip_if_info_clear (&info);
  if (command != NULL)
    _cord_config_page_port_configure (self, command, undo, _("MAC Address"));
  else
    _cord_config_page_form_update (self);
}

/* End devices: their IP settings are the lab's, not IOS's. */
static void
apply_host_ip (CordConfigPage *self,
               GtkEditable    *entry)
{
  CordHostIp host = self->device->host;
  GtkEditable *entries[] = { self->address, self->mask, self->gateway, self->dns };
  guint32 *fields[] = { &host.address, &host.mask, &host.gateway, &host.dns };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      if (!_cord_config_page_entry_validate (self, entries[i]))
        return;
      *fields[i] = 0;
      cord_frame_ipv4_parse (gtk_editable_get_text (entries[i]), fields[i]);
      g_object_set_data (G_OBJECT (entries[i]), "dirty", NULL);
    }
  if (host.address != 0 && host.mask == 0)
    {
      host.mask = cord_ip_classful_mask (host.address);
    }
  if (host.address != 0 && !cord_ip_check_address (host.address, host.mask, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->address), "error");
      _cord_config_page_show_status (self, error->message);
      return;
    }
  host.dhcp = FALSE;
  if (memcmp (&host, &self->device->host, sizeof host) == 0)
    return;
  if (!cord_topology_set_host_ip (self->topology, self->device, &host, &error))
    _cord_config_page_show_status (self, error->message);
  else
    _cord_config_page_show_status (self, NULL);
  _cord_config_page_form_update (self);
}

void
_cord_config_page_build_interface (CordConfigPage *self,
                                   GtkWidget      *form)
{
  const char *name = _cord_config_page_selected_port (self);
  CordPort *port = cord_device_find_port (self->device, name);
  CordIpIfInfo info = { 0 };
  GtkWidget *grid = _cord_config_page_section (form, _("Port"));
  const char *bandwidths[G_N_ELEMENTS (bandwidth_items)] = { NULL };
  const char *duplexes[G_N_ELEMENTS (duplex_items)] = { NULL };
  const char *modes[G_N_ELEMENTS (mode_items)] = { NULL };
  guint n_speeds = port != NULL && strcmp (port->type, "GigabitEthernet") == 0 ? 4 : 3;
  gboolean ethernet = port != NULL && port->medium != CORD_MEDIUM_SERIAL;

  if (port == NULL)
    return;
  for (guint i = 0; i < n_speeds; i++)
    bandwidths[i] = _(bandwidth_items[i]);
  for (guint i = 0; duplex_items[i] != NULL; i++)
    duplexes[i] = _(duplex_items[i]);
  for (guint i = 0; mode_items[i] != NULL; i++)
    modes[i] = _(mode_items[i]);

  if (!_cord_config_page_is_host (self))
    {
      self->port_on = gtk_check_button_new_with_label (_("On"));
      gtk_widget_set_name (self->port_on, "port-status");
      g_signal_connect (self->port_on, "notify::active", G_CALLBACK (on_port_on), self);
      _cord_config_page_grid_row (grid, _("Port Status"), self->port_on);
      if (ethernet)
        {
          self->bandwidth = _cord_config_page_drop_down_new ("bandwidth", bandwidths);
          self->duplex = _cord_config_page_drop_down_new ("duplex", duplexes);
          g_signal_connect (self->bandwidth, "notify::selected", G_CALLBACK (on_bandwidth), self);
          g_signal_connect (self->duplex, "notify::selected", G_CALLBACK (on_duplex), self);
          _cord_config_page_grid_row (grid, _("Bandwidth"), GTK_WIDGET (self->bandwidth));
          _cord_config_page_grid_row (grid, _("Duplex"), GTK_WIDGET (self->duplex));
        }
    }
  if (!_cord_config_page_is_host (self) && ethernet && _cord_config_page_port_info (self, name, &info))
    {
      self->mac_entry = _cord_config_page_entry_new (self, "mac-address", _cord_config_page_valid_mac,
                                                     apply_mac);
      gtk_widget_add_css_class (GTK_WIDGET (self->mac_entry), "monospace");
      _cord_config_page_grid_row (grid, _("MAC Address"), GTK_WIDGET (self->mac_entry));
      cord_ip_if_info_clear (&info);
    }
  else if (cord_port_has_mac (port))
    {
      self->mac = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_set_name (GTK_WIDGET (self->mac), "mac-address");
      gtk_label_set_selectable (self->mac, TRUE);
      gtk_label_set_xalign (self->mac, 0);
      gtk_widget_add_css_class (GTK_WIDGET (self->mac), "monospace");
      _cord_config_page_grid_row (grid, _("MAC Address"), GTK_WIDGET (self->mac));
    }
  if (_cord_config_page_is_host (self))
    {
      grid = _cord_config_page_section (form, _("IP Configuration"));
      self->address = _cord_config_page_entry_new (self, "ip-address", _cord_config_page_valid_address_or_empty,
                                                   apply_host_ip);
      self->mask = _cord_config_page_entry_new (self, "subnet-mask", _cord_config_page_valid_mask_or_empty,
                                                apply_host_ip);
      self->gateway = _cord_config_page_entry_new (self, "gateway", _cord_config_page_valid_address_or_empty,
                                                   apply_host_ip);
      self->dns = _cord_config_page_entry_new (self, "dns-server", _cord_config_page_valid_address_or_empty,
                                               apply_host_ip);
      /* The PC's Command Prompt prints these words in English; the form's
       * labels have a context of their own, so they can be translated. */
      _cord_config_page_grid_row (grid, C_("form field", "IPv4 Address"), GTK_WIDGET (self->address));
      _cord_config_page_grid_row (grid, C_("form field", "Subnet Mask"), GTK_WIDGET (self->mask));
      _cord_config_page_grid_row (grid, C_("form field", "Default Gateway"), GTK_WIDGET (self->gateway));
      _cord_config_page_grid_row (grid, C_("form field", "DNS Server"), GTK_WIDGET (self->dns));
    }
  else if (_cord_config_page_port_info (self, name, &info))
    {
      grid = _cord_config_page_section (form, _("IP Configuration"));
      self->address = _cord_config_page_entry_new (self, "ip-address", _cord_config_page_valid_address_or_empty,
                                                   apply_address);
      self->mask = _cord_config_page_entry_new (self, "subnet-mask", _cord_config_page_valid_mask_or_empty,
                                                apply_address);
      _cord_config_page_grid_row (grid, C_("form field", "IPv4 Address"), GTK_WIDGET (self->address));
      _cord_config_page_grid_row (grid, C_("form field", "Subnet Mask"), GTK_WIDGET (self->mask));
      cord_ip_if_info_clear (&info);
    }
  else if (cord_kind_has_vlans (self->device->model->kind))
    {
      GtkWidget *label;

      grid = _cord_config_page_section (form, _("Switch Port"));
      self->mode = _cord_config_page_drop_down_new ("switchport-mode", modes);
      g_signal_connect (self->mode, "notify::selected", G_CALLBACK (on_mode), self);
      _cord_config_page_grid_row (grid, _("Mode"), GTK_WIDGET (self->mode));
      self->vlan = _cord_config_page_drop_down_new ("vlan", NULL);
      g_signal_connect (self->vlan, "notify::selected", G_CALLBACK (on_vlan_choice), self);
      _cord_config_page_grid_row (grid, _("VLAN"), GTK_WIDGET (self->vlan));
      label = gtk_grid_get_child_at (GTK_GRID (grid), 0, 1);
      self->vlan_label = GTK_LABEL (label);
    }
}

void
_cord_config_page_update_interface (CordConfigPage *self)
{
  const char *name = _cord_config_page_selected_port (self);
  CordPort *port = cord_device_find_port (self->device, name);
  CordIosDevice *ios = _cord_config_page_ios (self);
  CordIpIfInfo info = { 0 };
  CordSwitchportInfo sw;

  if (port == NULL)
    return;
  if (self->port_on != NULL)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->port_on),
                                 !cord_sim_port_get_shutdown (_cord_config_page_sim (self), port));
  if (self->bandwidth != NULL && ios != NULL)
    {
      guint speed = cord_ios_interface_get_speed (ios, name);

      for (guint i = 0; i < G_N_ELEMENTS (bandwidth_speeds); i++)
        if (bandwidth_speeds[i] == speed)
          gtk_drop_down_set_selected (self->bandwidth, i);
      gtk_drop_down_set_selected (self->duplex, cord_ios_interface_get_duplex (ios, name));
    }
  if (self->mac != NULL)
    {
      g_autofree char *mac = cord_mac_format (port->mac);

      gtk_label_set_text (self->mac, mac);
    }
  if (self->mac_entry != NULL && _cord_config_page_port_info (self, name, &info))
    {
      g_autofree char *mac = cord_mac_format (info.mac);

      _cord_config_page_entry_set (self, self->mac_entry, mac);
      cord_ip_if_info_clear (&info);
    }
  if (_cord_config_page_is_host (self) && self->address != NULL)
    {
      g_autofree char *a = self->device->host.address ? _cord_config_page_ipv4 (self->device->host.address) : g_strdup ("");
      g_autofree char *m = self->device->host.mask ? _cord_config_page_ipv4 (self->device->host.mask) : g_strdup ("");
      g_autofree char *g = self->device->host.gateway ? _cord_config_page_ipv4 (self->device->host.gateway) : g_strdup ("");
      g_autofree char *d = self->device->host.dns ? _cord_config_page_ipv4 (self->device->host.dns) : g_strdup ("");

      _cord_config_page_entry_set (self, self->address, a);
      _cord_config_page_entry_set (self, self->mask, m);
      _cord_config_page_entry_set (self, self->gateway, g);
      _cord_config_page_entry_set (self, self->dns, d);
    }
  else if (self->address != NULL && _cord_config_page_port_info (self, name, &info))
    {
      g_autofree char *a = info.address ? _cord_config_page_ipv4 (info.address) : g_strdup ("");
      g_autofree char *m = info.address ? _cord_config_page_ipv4 (info.mask) : g_strdup ("");

      _cord_config_page_entry_set (self, self->address, a);
      _cord_config_page_entry_set (self, self->mask, m);
      cord_ip_if_info_clear (&info);
    }
  if (self->mode != NULL && switchport_info (self, &sw))
    {
      GArray *vlans = cord_switch_list_vlans (_cord_config_page_sim (self), self->device);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      gboolean trunk = sw.admin_mode == CORD_SWITCHPORT_TRUNK;
      guint want = trunk ? sw.native_vlan : sw.access_vlan;
      guint selected = GTK_INVALID_LIST_POSITION;
      g_autofree char *joined = NULL;

      gtk_drop_down_set_selected (self->mode, mode_index (sw.admin_mode));
      gtk_label_set_text (self->vlan_label, trunk ? _("Native VLAN") : _("Access VLAN"));
      g_array_set_size (self->vlan_ids, 0);
      for (guint i = 0; i < vlans->len; i++)
        {
          const CordVlanInfo *vlan = &g_array_index (vlans, CordVlanInfo, i);

          if (!vlan->ethernet)
            continue;
          if (vlan->vid == want)
            selected = self->vlan_ids->len;
          g_array_append_val (self->vlan_ids, vlan->vid);
          g_ptr_array_add (names, g_strdup_printf ("%u: %s", vlan->vid, vlan->name));
        }
      g_ptr_array_add (names, NULL);
      g_array_unref (vlans);
      joined = g_strjoinv ("\n", (char **) names->pdata);
      /* Not while its own change is being applied: the model would go
       * from under the drop-down's handler. */
      if (g_strcmp0 (joined, g_object_get_data (G_OBJECT (self->vlan), "items")) != 0)
        {
          g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *) names->pdata);

          gtk_drop_down_set_model (self->vlan, G_LIST_MODEL (model));
          g_object_set_data_full (G_OBJECT (self->vlan), "items", g_steal_pointer (&joined), g_free);
        }
      gtk_drop_down_set_selected (self->vlan, selected);
    }
}
