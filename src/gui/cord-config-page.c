/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordConfigPage: the Config tab of a device window, forms that configure the device through IOS commands, shown as they run; the forms themselves are in cord-config-forms.c. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cord-config-page-private.h"
#include "cord-test-geometry.h"
#include "frame.h"
#include "ios-console.h"
#include "ip.h"

G_DEFINE_FINAL_TYPE (CordConfigPage, cord_config_page, GTK_TYPE_WIDGET)

static void form_show (CordConfigPage *self);

/* --- The device's state -------------------------------------------------- */

CordSim *
_cord_config_page_sim (CordConfigPage *self)
{
  return cord_document_get_sim (self->document);
}

/* The device's IOS while it runs, NULL otherwise. */
CordIosDevice *
_cord_config_page_ios (CordConfigPage *self)
{
  CordIosSession *session = self->console != NULL ? cord_console_get_session (self->console) : NULL;

  return session != NULL ? cord_ios_session_get_device (session) : NULL;
}

const char *
_cord_config_page_selected_port (CordConfigPage *self)
{
  return g_str_has_prefix (self->selected, "if:") ? self->selected + 3 : NULL;
}

gboolean
_cord_config_page_is_host (CordConfigPage *self)
{
  return cord_kind_is_host (self->device->model->kind);
}

/* Routed ports are those with an IP interface (router ports, a 3560's
 * `no switchport` ports). */
gboolean
_cord_config_page_port_info (CordConfigPage *self,
                             const char     *ifname,
                             CordIpIfInfo   *info)
{
  if (_cord_config_page_is_host (self) || _cord_config_page_ios (self) == NULL)
    return FALSE;
  return cord_ip_get_interface (_cord_config_page_sim (self), self->device, ifname, info);
}

char *
_cord_config_page_ipv4 (guint32 address)
{
  char buf[CORD_FRAME_IPV4_STRLEN];

  return g_strdup (cord_frame_ipv4_to_string (address, buf));
}

/* --- Applying a change --------------------------------------------------- */

void
_cord_config_page_show_status (CordConfigPage *self,
                               const char     *message)
{
  gtk_label_set_text (self->status, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status), message != NULL);
}

/* Runs @commands as one undoable edit called @label; @undo puts back the
 * state before. */
gboolean
_cord_config_page_configure (CordConfigPage *self,
                             const char     *commands,
                             const char     *undo,
                             const char     *label)
{
  g_autoptr(GError) error = NULL;

  if (!cord_topology_configure (self->topology, self->device, commands, undo, label, &error))
    {
      _cord_config_page_show_status (self, error->message);
      _cord_config_page_form_update (self);
      return FALSE;
    }
  _cord_config_page_show_status (self, NULL);
  _cord_config_page_form_update (self);
  return TRUE;
}

gboolean
_cord_config_page_port_configure (CordConfigPage *self,
                                  const char     *command,
                                  const char     *undo,
                                  const char     *label)
{
  const char *port = _cord_config_page_selected_port (self);
  g_autofree char *commands = g_strdup_printf ("interface %s\n%s", port, command);
  g_autofree char *undo_commands = g_strdup_printf ("interface %s\n%s", port, undo);
  g_autofree char *title = g_strdup_printf ("%s: %s", port, label);

  return _cord_config_page_configure (self, commands, undo_commands, title);
}

/* Adds text to the pane, as the consoles echo it. */
void
_cord_config_page_echo_append (CordConfigPage *self,
                               const char     *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->echo);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text, -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_view_scroll_to_mark (self->echo, gtk_text_buffer_get_insert (buffer), 0, FALSE, 0, 0);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_view_scroll_to_mark (self->echo, gtk_text_buffer_get_insert (buffer), 0, FALSE, 0, 0);
}

static void
on_echo (CordConsole *console,
         const char  *data,
         gsize        len,
         gpointer     user_data)
{
  CordConfigPage *self = user_data;
  g_autofree char *text = g_strndup (data, len);

  _cord_config_page_echo_append (self, text);
}

static void
on_echo_gone (gpointer user_data)
{
  CordConfigPage *self = user_data;

  /* The console went with its device. */
  self->echo_id = 0;
  self->console = NULL;
}

/* --- Entries --------------------------------------------------------------- */

gboolean
_cord_config_page_entry_validate (CordConfigPage *self,
                                  GtkEditable    *entry)
{
  ValidateFunc validate = g_object_get_data (G_OBJECT (entry), "validate");
  g_autofree char *why = NULL;
  gboolean ok = validate == NULL || validate (self, gtk_editable_get_text (entry), &why);

  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), why);
  return ok;
}

static void
entry_apply (CordConfigPage *self,
             GtkEditable    *entry)
{
  ApplyFunc apply = g_object_get_data (G_OBJECT (entry), "apply");

  g_object_set_data (G_OBJECT (entry), "dirty", NULL);
  if (!_cord_config_page_entry_validate (self, entry))
    {
      _cord_config_page_show_status (self, gtk_widget_get_tooltip_text (GTK_WIDGET (entry)));
      return;
    }
  if (apply != NULL)
    apply (self, entry);
}

static void
on_entry_changed (GtkEditable    *entry,
                  CordConfigPage *self)
{
  if (self->updating)
    return;
  g_object_set_data (G_OBJECT (entry), "dirty", GINT_TO_POINTER (TRUE));
  _cord_config_page_entry_validate (self, entry);
}

static void
on_entry_activate (GtkEntry       *entry,
                   CordConfigPage *self)
{
  entry_apply (self, GTK_EDITABLE (entry));
}

static void
on_entry_leave (GtkEventControllerFocus *controller,
                CordConfigPage          *self)
{
  GtkEditable *entry = GTK_EDITABLE (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  if (g_object_get_data (G_OBJECT (entry), "dirty") != NULL)
    entry_apply (self, entry);
}

/* Puts a value from the device into @entry, unless the user is editing it. */
void
_cord_config_page_entry_set (CordConfigPage *self,
                             GtkEditable    *entry,
                             const char     *text)
{
  if (entry == NULL || g_object_get_data (G_OBJECT (entry), "dirty") != NULL)
    return;
  if (strcmp (gtk_editable_get_text (entry), text != NULL ? text : "") != 0)
    gtk_editable_set_text (entry, text != NULL ? text : "");
  _cord_config_page_entry_validate (self, entry);
}

/* --- Validators ------------------------------------------------------------ */

gboolean
_cord_config_page_valid_display_name (CordConfigPage *self,
                                      const char     *text,
                                      char          **why)
{
  g_autoptr(GError) error = NULL;

  if (!cord_name_is_valid (text, &error))
    {
      *why = g_strdup (error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
_cord_config_page_valid_hostname (CordConfigPage *self,
                                  const char     *text,
                                  char          **why)
{
  gsize len = strlen (text);

  if (len == 0 || len > 63 || !g_ascii_isalpha (text[0]))
    {
      *why = g_strdup (_("A hostname starts with a letter and has at most 63 characters"));
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      {
        *why = g_strdup (_("A hostname holds only letters, digits, “-” and “_”"));
        return FALSE;
      }
  return TRUE;
}

gboolean
_cord_config_page_valid_address_or_empty (CordConfigPage *self,
                                          const char     *text,
                                          char          **why)
{
  guint32 address;

  if (*text == '\0' || cord_frame_ipv4_parse (text, &address))
    return TRUE;
  *why = g_strdup (_("Type an IPv4 address such as 192.168.1.1"));
  return FALSE;
}

gboolean
_cord_config_page_valid_address (CordConfigPage *self,
                                 const char     *text,
                                 char          **why)
{
  if (*text == '\0')
    {
      *why = g_strdup (_("Type an IPv4 address such as 192.168.1.1"));
      return FALSE;
    }
  return _cord_config_page_valid_address_or_empty (self, text, why);
}

/* The dotted form IOS writes, or the colon and dash forms Windows and
 * Linux print; empty is the burned-in address. */
gboolean
_cord_config_page_parse_mac (const char *text,
                             guint64    *mac)
{
  g_autofree char *colons = g_strdelimit (g_strdup (text), "-", ':');
  CordMac bytes;

  *mac = 0;
  if (*text == '\0')
    return TRUE;
  if (!cord_frame_mac_parse (colons, &bytes))
    return FALSE;
  for (guint i = 0; i < 6; i++)
    *mac = *mac << 8 | bytes.b[i];
  return TRUE;
}

gboolean
_cord_config_page_valid_mac (CordConfigPage *self,
                             const char     *text,
                             char          **why)
{
  guint64 mac;

  if (!_cord_config_page_parse_mac (text, &mac))
    {
      *why = g_strdup (_("Type a MAC address such as 0001.4200.abcd, or leave it empty for the burned-in one"));
      return FALSE;
    }
  if ((mac >> 40 & 1) != 0)
    {
      *why = g_strdup (_("A port’s MAC address cannot be a multicast one: its first byte must be even"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_cord_config_page_valid_mask_or_empty (CordConfigPage *self,
                                       const char     *text,
                                       char          **why)
{
  guint32 mask;

  if (*text == '\0' || (cord_frame_ipv4_parse (text, &mask) && mask != 0 && cord_ip_mask_is_contiguous (mask)))
    return TRUE;
  *why = g_strdup (_("Type a subnet mask such as 255.255.255.0"));
  return FALSE;
}

gboolean
_cord_config_page_valid_mask (CordConfigPage *self,
                              const char     *text,
                              char          **why)
{
  guint32 mask;

  /* A route may have a zero mask (the default route). */
  if (cord_frame_ipv4_parse (text, &mask) && (mask == 0 || cord_ip_mask_is_contiguous (mask)))
    return TRUE;
  *why = g_strdup (_("Type a subnet mask such as 255.255.255.0"));
  return FALSE;
}

gboolean
_cord_config_page_valid_vlan_id (CordConfigPage *self,
                                 const char     *text,
                                 char          **why)
{
  guint64 vid;

  if (g_ascii_string_to_unsigned (text, 10, 1, 4094, &vid, NULL))
    return TRUE;
  *why = g_strdup (_("A VLAN number is from 1 to 4094"));
  return FALSE;
}

gboolean
_cord_config_page_valid_vlan_name (CordConfigPage *self,
                                   const char     *text,
                                   char          **why)
{
  if (strlen (text) <= 32 && strpbrk (text, " \t?") == NULL)
    return TRUE;
  *why = g_strdup (_("A VLAN name is one word of at most 32 characters"));
  return FALSE;
}

/* --- Forms: building blocks ------------------------------------------------ */

static GtkWidget *
grid_new (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  return grid;
}

static GtkWidget *
field_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

GtkWidget *
_cord_config_page_section (GtkWidget  *form,
                           const char *title)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *grid = grid_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (form), label);
  gtk_widget_set_margin_start (grid, 12);
  gtk_box_append (GTK_BOX (form), grid);
  return grid;
}

void
_cord_config_page_grid_row (GtkWidget  *grid,
                            const char *label,
                            GtkWidget  *widget)
{
  GtkSizeGroup *labels = g_object_get_data (G_OBJECT (gtk_widget_get_parent (grid)), "labels");
  GtkWidget *title = field_label (label != NULL ? label : "");
  int row = 0;

  while (gtk_grid_get_child_at (GTK_GRID (grid), 0, row) != NULL)
    row++;

  /* One column of labels across the sections, so the fields line up. */
  if (labels != NULL)
    gtk_size_group_add_widget (labels, title);
  gtk_grid_attach (GTK_GRID (grid), title, 0, row, 1, 1);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (GTK_GRID (grid), widget, 1, row, 1, 1);
}

/* An entry called @name that checks what is typed with @validate and
 * applies it with @apply on Enter or when the focus leaves it. */
GtkEditable *
_cord_config_page_entry_new (CordConfigPage *self,
                             const char     *name,
                             ValidateFunc    validate,
                             ApplyFunc       apply)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_set_name (entry, name);
  g_object_set_data (G_OBJECT (entry), "validate", validate);
  g_object_set_data (G_OBJECT (entry), "apply", apply);
  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed), self);
  g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_entry_leave), self);
  gtk_widget_add_controller (entry, focus);
  return GTK_EDITABLE (entry);
}

GtkWidget *
_cord_config_page_button_new (const char *label,
                              const char *name,
                              GCallback   callback,
                              gpointer    user_data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  g_signal_connect_swapped (button, "clicked", callback, user_data);
  return button;
}

GtkWidget *
_cord_config_page_button_row (GtkWidget *first,
                              ...)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  va_list args;

  va_start (args, first);
  for (GtkWidget *button = first; button != NULL; button = va_arg (args, GtkWidget *))
    gtk_box_append (GTK_BOX (box), button);
  va_end (args);
  return box;
}

GtkDropDown *
_cord_config_page_drop_down_new (const char         *name,
                                 const char * const *items)
{
  GtkWidget *drop = gtk_drop_down_new_from_strings (items);

  gtk_widget_set_name (drop, name);
  gtk_widget_set_hexpand (drop, FALSE);
  gtk_widget_set_halign (drop, GTK_ALIGN_START);
  return GTK_DROP_DOWN (drop);
}

GtkListBox *
_cord_config_page_list_new (GtkWidget *form,
                            const char *name)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_widget_set_name (list, name);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_frame_set_child (GTK_FRAME (frame), list);
  gtk_widget_set_margin_start (frame, 12);
  gtk_box_append (GTK_BOX (form), frame);
  return GTK_LIST_BOX (list);
}

/* A row of @list with @text and, when @callback is not NULL, a Remove
 * button that passes @key (owned by the row) to it. */
void
_cord_config_page_list_add (CordConfigPage *self,
                            GtkListBox     *list,
                            const char     *text,
                            GCallback       callback,
                            char           *key)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  /* Rows with and without a Remove button alike. */
  gtk_widget_set_size_request (box, -1, 34);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 4);
  gtk_widget_set_margin_top (box, 2);
  gtk_widget_set_margin_bottom (box, 2);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "monospace");
  gtk_box_append (GTK_BOX (box), label);
  if (callback != NULL)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      gtk_widget_set_tooltip_text (remove, _("Remove"));
      gtk_button_set_has_frame (GTK_BUTTON (remove), FALSE);
      g_object_set_data_full (G_OBJECT (remove), "key", key, g_free);
      g_signal_connect (remove, "clicked", callback, self);
      gtk_box_append (GTK_BOX (box), remove);
    }
  else
    g_free (key);
  gtk_list_box_append (list, box);
}

void
_cord_config_page_list_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* --- The form shown -------------------------------------------------------- */

void
_cord_config_page_form_update (CordConfigPage *self)
{
  CordIosDevice *ios = _cord_config_page_ios (self);
  gboolean needs_ios = cord_kind_has_ios (self->device->model->kind);

  if (self->form == NULL)
    return;
  self->updating = TRUE;
  _cord_config_page_entry_set (self, self->display_name, self->device->name);
  if (self->hostname != NULL)
    _cord_config_page_entry_set (self, self->hostname, ios != NULL ? ios->hostname : "");
  if (needs_ios && ios == NULL)
    ;
  else if (strcmp (self->selected, "static") == 0)
    _cord_config_page_update_static (self);
  else if (strcmp (self->selected, "vlans") == 0)
    _cord_config_page_update_vlans (self);
  else if (_cord_config_page_selected_port (self) != NULL)
    _cord_config_page_update_interface (self);
  self->updating = FALSE;

  /* A device that is off or booting has nothing to configure but its name. */
  if (needs_ios && ios == NULL)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (self->form); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        gtk_widget_set_sensitive (child, FALSE);
      if (self->display_name != NULL)
        {
          gtk_widget_set_sensitive (gtk_widget_get_first_child (self->form), TRUE);
          gtk_widget_set_sensitive (gtk_widget_get_next_sibling (gtk_widget_get_first_child (self->form)), TRUE);
        }
      _cord_config_page_show_status (self, self->device->powered
                                             ? _("The device is booting; its settings can be changed once it has started.")
                                             : _("The device is off. Power it on to change its configuration."));
    }
  else
    {
      for (GtkWidget *child = gtk_widget_get_first_child (self->form); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        gtk_widget_set_sensitive (child, TRUE);
    }
}

static const char *
form_title (CordConfigPage *self)
{
  if (strcmp (self->selected, "settings") == 0)
    return _("Global Settings");
  if (strcmp (self->selected, "static") == 0)
    return _("Static Routes");
  if (strcmp (self->selected, "vlans") == 0)
    return _("VLAN Database");
  return _cord_config_page_selected_port (self);
}

static void
form_show (CordConfigPage *self)
{
  GtkWidget *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkSizeGroup *labels = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  g_object_set_data_full (G_OBJECT (form), "labels", labels, g_object_unref);

  self->display_name = self->hostname = NULL;
  self->address = self->mask = self->gateway = self->dns = NULL;
  self->net = self->net_mask = self->next_hop = self->vlan_id = self->vlan_name = NULL;
  self->mac_entry = NULL;
  self->port_on = NULL;
  self->bandwidth = self->duplex = self->mode = self->vlan = NULL;
  self->mac = self->vlan_label = NULL;
  self->list = NULL;
  gtk_widget_set_margin_start (form, 18);
  gtk_widget_set_margin_end (form, 18);
  gtk_widget_set_margin_top (form, 6);
  gtk_widget_set_margin_bottom (form, 18);
  gtk_label_set_text (self->title, form_title (self));
  if (strcmp (self->selected, "settings") == 0)
    _cord_config_page_build_settings (self, form);
  else if (strcmp (self->selected, "static") == 0)
    _cord_config_page_build_static (self, form);
  else if (strcmp (self->selected, "vlans") == 0)
    _cord_config_page_build_vlans (self, form);
  else
    _cord_config_page_build_interface (self, form);
  self->form = form;
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), form);
  _cord_config_page_show_status (self, NULL);
  _cord_config_page_form_update (self);
}

/* --- The sidebar ------------------------------------------------------------ */

static void
sidebar_header (CordConfigPage *self,
                const char     *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 8);
  gtk_widget_set_margin_top (label, 10);
  gtk_widget_set_margin_bottom (label, 2);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->sidebar, row);
}

static void
sidebar_item (CordConfigPage *self,
              const char     *text,
              const char     *key)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 16);
  gtk_widget_set_margin_end (label, 8);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_name (row, key);
  g_object_set_data_full (G_OBJECT (row), "form", g_strdup (key), g_free);
  {
    g_autofree char *id = g_strconcat ("config:", key, NULL);

    cord_geometry_tag (row, id);
  }
  gtk_list_box_append (self->sidebar, row);
  if (strcmp (key, self->selected) == 0)
    gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
}

static void
sidebar_fill (CordConfigPage *self)
{
  CordDeviceKind kind = self->device->model->kind;
  gboolean shown = FALSE;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);
  sidebar_header (self, _("GLOBAL"));
  sidebar_item (self, _("Settings"), "settings");
  if (kind == CORD_KIND_ROUTER)
    {
      sidebar_header (self, _("ROUTING"));
      sidebar_item (self, _("Static"), "static");
    }
  if (cord_kind_has_vlans (kind))
    {
      sidebar_header (self, _("SWITCHING"));
      sidebar_item (self, _("VLAN Database"), "vlans");
    }
  sidebar_header (self, _("INTERFACE"));
  for (guint i = 0; i < self->device->ports->len; i++)
    {
      CordPort *port = self->device->ports->pdata[i];
      g_autofree char *key = NULL;

      /* The console and aux ports are lines, not interfaces. */
      if (port->medium == CORD_MEDIUM_CONSOLE || port->medium == CORD_MEDIUM_ASYNC)
        continue;
      key = g_strdup_printf ("if:%s", port->name);
      shown |= strcmp (key, self->selected) == 0;
      sidebar_item (self, port->name, key);
    }
  if (g_str_has_prefix (self->selected, "if:") && !shown)
    {
      /* Its module went. */
      g_free (self->selected);
      self->selected = g_strdup ("settings");
      gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 1));
      form_show (self);
    }
}

static void
on_row_selected (GtkListBox     *box,
                 GtkListBoxRow  *row,
                 CordConfigPage *self)
{
  const char *key = row != NULL ? g_object_get_data (G_OBJECT (row), "form") : NULL;

  if (key == NULL || strcmp (key, self->selected) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (key);
  form_show (self);
}

/* --- Following the device --------------------------------------------------- */

static void
on_device_changed (CordTopology   *topology,
                   CordDevice     *device,
                   guint           what,
                   CordConfigPage *self)
{
  if (device != self->device)
    return;
  /* A power-on makes a new console: its echo is the one to show. */
  if (self->console == NULL || cord_document_lookup_console (self->document, device) != self->console)
    {
      if (self->console != NULL && self->echo_id != 0)
        cord_console_remove_config_listener (self->console, self->echo_id);
      self->console = cord_document_lookup_console (self->document, device);
      if (self->console != NULL)
        self->echo_id = cord_console_add_config_listener (self->console, on_echo, self, on_echo_gone);
    }
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    _cord_config_page_form_update (self);
}

static void
on_ports_changed (CordTopology   *topology,
                  CordPort       *port,
                  CordConfigPage *self)
{
  if (port->device == self->device)
    sidebar_fill (self);
}

static void
cord_config_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cord_config_page_parent_class)->map (widget);
  /* Back from the CLI tab: what was typed there shows. */
  _cord_config_page_form_update (CORD_CONFIG_PAGE (widget));
}

/* --- Construction ----------------------------------------------------------- */

static GtkWidget *
echo_pane (CordConfigPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (_("Equivalent IOS Commands"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_name (view, "ios-commands");
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 4);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_set_size_request (scroller, -1, 110);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scroller);
  self->echo = GTK_TEXT_VIEW (view);
  return box;
}

static void
cord_config_page_dispose (GObject *object)
{
  CordConfigPage *self = CORD_CONFIG_PAGE (object);

  if (self->console != NULL && self->echo_id != 0)
    cord_console_remove_config_listener (self->console, self->echo_id);
  self->console = NULL;
  if (self->topology != NULL)
    g_signal_handlers_disconnect_by_data (self->topology, self);
  g_clear_pointer (&self->paned, gtk_widget_unparent);
  g_clear_object (&self->topology);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (cord_config_page_parent_class)->dispose (object);
}

static void
cord_config_page_finalize (GObject *object)
{
  CordConfigPage *self = CORD_CONFIG_PAGE (object);

  g_free (self->selected);
  g_array_unref (self->vlan_ids);
  G_OBJECT_CLASS (cord_config_page_parent_class)->finalize (object);
}

static void
cord_config_page_class_init (CordConfigPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cord_config_page_dispose;
  object_class->finalize = cord_config_page_finalize;
  widget_class->map = cord_config_page_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cord_config_page_init (CordConfigPage *self)
{
  self->selected = g_strdup ("settings");
  self->vlan_ids = g_array_new (FALSE, FALSE, sizeof (guint16));
}

GtkWidget *
cord_config_page_new (CordDocument *document,
                      CordDevice   *device)
{
  CordConfigPage *self;
  GtkWidget *top, *side, *right, *header;

  g_return_val_if_fail (CORD_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (device != NULL, NULL);

  self = g_object_new (CORD_TYPE_CONFIG_PAGE, NULL);
  self->document = g_object_ref (document);
  self->topology = g_object_ref (cord_document_get_topology (document));
  self->device = device;

  self->sidebar = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->sidebar), "navigation-sidebar");
  g_signal_connect (self->sidebar, "row-selected", G_CALLBACK (on_row_selected), self);
  side = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (side), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (side), GTK_WIDGET (self->sidebar));
  gtk_widget_set_size_request (side, 170, -1);

  right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  header = gtk_label_new (NULL);
  self->title = GTK_LABEL (header);
  gtk_label_set_xalign (self->title, 0.5);
  gtk_widget_add_css_class (header, "title-3");
  gtk_widget_set_margin_top (header, 12);
  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->status), "status");
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "error");
  gtk_widget_set_margin_start (GTK_WIDGET (self->status), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->status), 18);
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_box_append (GTK_BOX (right), header);
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->status));
  gtk_box_append (GTK_BOX (right), self->scroller);

  top = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (top), side);
  gtk_paned_set_end_child (GTK_PANED (top), right);
  gtk_paned_set_resize_start_child (GTK_PANED (top), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (top), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (top), FALSE);

  self->paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  gtk_paned_set_start_child (GTK_PANED (self->paned), top);
  gtk_paned_set_end_child (GTK_PANED (self->paned), echo_pane (self));
  gtk_paned_set_resize_end_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));

  g_signal_connect (self->topology, "device-changed", G_CALLBACK (on_device_changed), self);
  g_signal_connect (self->topology, "port-added", G_CALLBACK (on_ports_changed), self);
  g_signal_connect (self->topology, "port-removed", G_CALLBACK (on_ports_changed), self);
  /* Looks the console up and subscribes to its echo. */
  on_device_changed (self->topology, device, 0, self);
  sidebar_fill (self);
  form_show (self);
  return GTK_WIDGET (self);
}

gboolean
cord_config_page_select (CordConfigPage *self,
                         const char     *form)
{
  g_return_val_if_fail (CORD_IS_CONFIG_PAGE (self), FALSE);
  g_return_val_if_fail (form != NULL, FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *key = g_object_get_data (G_OBJECT (row), "form");

      if (key != NULL && strcmp (key, form) == 0)
        {
          gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
          return TRUE;
        }
    }
  return FALSE;
}

void
cord_config_page_refresh (CordConfigPage *self)
{
  g_return_if_fail (CORD_IS_CONFIG_PAGE (self));

  _cord_config_page_form_update (self);
}
